namespace Infra.Model.Redis;

/// <summary>The pinned Valkey chart and server image.</summary>
public static class RedisVersions
{
    /// <summary>The Valkey project's own chart (Valkey is the Linux Foundation's BSD-licensed Redis fork).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://valkey.io/valkey-helm/", "valkey", "0.11.0");

    /// <summary>The registry the server image comes from, which a mirror replaces.</summary>
    public const string ImageRegistry = "docker.io";

    /// <summary>The server image's repository.</summary>
    public const string Image = "valkey/valkey";

    /// <summary>The server image's tag, the chart's app version.</summary>
    public const string Tag = "9.1.1";

    /// <summary>The registry of the exporter sidecar's image, which a mirror replaces.</summary>
    public const string ExporterRegistry = "ghcr.io";

    /// <summary>The exporter sidecar's repository (the chart's <c>metrics.exporter.image</c>).</summary>
    public const string Exporter = "oliver006/redis_exporter";

    /// <summary>The exporter's tag, the chart's default at 0.11.0.</summary>
    public const string ExporterTag = "v1.79.0";
}
