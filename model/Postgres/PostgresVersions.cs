namespace Infra.Model.Postgres;

/// <summary>The pinned CloudNativePG operator chart and PostgreSQL image.</summary>
public static class PostgresVersions
{
    /// <summary>The CloudNativePG chart (operator 1.25, which has the <c>Database</c> resource).</summary>
    public static Kubernetes.HelmChart Operator { get; } = new("https://cloudnative-pg.github.io/charts", "cloudnative-pg", "0.23.0");

    /// <summary>The PostgreSQL image the cluster runs.</summary>
    public const string Image = "ghcr.io/cloudnative-pg/postgresql:17.5";
}
