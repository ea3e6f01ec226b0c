namespace Infra.Model.Postgres;

/// <summary>The pinned CloudNativePG operator chart and PostgreSQL image.</summary>
public static class PostgresVersions
{
    /// <summary>
    /// The CloudNativePG chart: 0.29.0 ships operator 1.30.0 (cloudnative-pg/charts@cloudnative-pg-v0.29.0, Chart.yaml
    /// appVersion), the last minor with the in-tree <c>barmanObjectStore</c> backups this cluster uses (deprecated since
    /// 1.26, removed in 1.31, per the 1.30 release notes).
    /// </summary>
    public static Kubernetes.HelmChart Operator { get; } = new("https://cloudnative-pg.github.io/charts", "cloudnative-pg", "0.29.0");

    /// <summary>The operator release the chart ships.</summary>
    public const string OperatorVersion = "1.30.0";

    /// <summary>The operator image's repository (the chart's <c>image.repository</c>), whose tag the chart pins.</summary>
    public const string OperatorImage = "ghcr.io/cloudnative-pg/cloudnative-pg";

    /// <summary>
    /// The PostgreSQL image the cluster runs: CloudNativePG's 17.11 "system" build, which still carries Barman Cloud for
    /// <c>barmanObjectStore</c>, pinned by its dated tag and digest (cloudnative-pg/artifacts@da87904,
    /// image-catalogs/catalog-system-bookworm.yaml).
    /// </summary>
    public const string Image = "ghcr.io/cloudnative-pg/postgresql:17.11-202608170816-system-bookworm@sha256:d24d5a390d90b20a43ef7036981f5e6c6f78bbd3198a1e2cd99443fbbd14a9b8";
}
