namespace Infra.Model.Minio;

/// <summary>
/// The pinned MinIO operator and tenant charts (the upstream default values in shared/upstream are these tags') and
/// the MinIO client image the policy job runs.
/// </summary>
public static class MinioVersions
{
    /// <summary>MinIO's Helm repository for the operator and tenant charts.</summary>
    public const string Repository = "https://operator.min.io";

    /// <summary>The operator chart.</summary>
    public const string OperatorChart = "operator";

    /// <summary>The tenant chart.</summary>
    public const string TenantChart = "tenant";

    /// <summary>The version of both charts.</summary>
    public const string ChartVersion = "7.1.1";

    /// <summary>The pinned operator chart.</summary>
    public static Kubernetes.HelmChart Operator { get; } = new(Repository, OperatorChart, ChartVersion);

    /// <summary>The pinned tenant chart.</summary>
    public static Kubernetes.HelmChart Tenant { get; } = new(Repository, TenantChart, ChartVersion);

    /// <summary>The MinIO client image, by tag and digest.</summary>
    public const string ClientImage = "quay.io/minio/mc:RELEASE.2025-04-16T18-13-26Z@sha256:aead63c77f9db9107f1696fb08ecb0faeda23729cde94b0f663edf4fe09728e3";
}
