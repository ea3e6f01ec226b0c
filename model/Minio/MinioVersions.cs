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

    /// <summary>The operator's image, the chart's default at its version.</summary>
    public const string OperatorImage = "quay.io/minio/operator:v" + ChartVersion;

    /// <summary>The MinIO server's tag the tenant chart 7.1.1 writes (helm/tenant/values.yaml, <c>tenant.image.tag</c>).</summary>
    public const string ServerTag = "RELEASE.2025-04-08T15-41-24Z";

    /// <summary>
    /// The sidecar (and argument-checking init container) the operator adds to every tenant pod, at its code's
    /// default tag (pkg/resources/statefulsets/minio-sidecar.go at v7.1.1: <c>DefaultSidecarImage</c>).
    /// </summary>
    public const string SidecarRepository = "quay.io/minio/operator-sidecar";

    /// <summary>The sidecar's tag, the operator's default.</summary>
    public const string SidecarTag = "v7.0.1";

    /// <summary>The sidecar's image.</summary>
    public const string SidecarImage = SidecarRepository + ":" + SidecarTag;

    /// <summary>The MinIO client image, by tag and digest.</summary>
    public const string ClientImage = "quay.io/minio/mc:RELEASE.2025-04-16T18-13-26Z@sha256:aead63c77f9db9107f1696fb08ecb0faeda23729cde94b0f663edf4fe09728e3";
}
