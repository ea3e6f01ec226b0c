namespace Infra.Model.Velero;

/// <summary>
/// The pinned Velero chart, server and object store plugin. Velero 1.17 is the line the AWS plugin's last final
/// release (v1.13.2) supports (velero-plugin-for-aws@v1.13.2:README.md, "Compatibility"; Velero's own end-to-end
/// matrix pairs them, velero@v1.17.2:test/util/velero/velero_utils.go); 1.18 waits for a final 1.14 plugin.
/// Velero supports its current and previous minor (velero@v1.18.1:site/content/docs/v1.18/support-process.md).
/// </summary>
public static class VeleroVersions
{
    /// <summary>The VMware Tanzu chart, whose last 1.17 release is 11.4.0 (vmware-tanzu/helm-charts tag velero-11.4.0, app version 1.17.1).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://vmware-tanzu.github.io/helm-charts", "velero", "11.4.0");

    /// <summary>The registry the images come from, which a mirror replaces.</summary>
    public const string ImageRegistry = "docker.io";

    /// <summary>The server's image (the chart's <c>image.repository</c>).</summary>
    public const string Image = "velero/velero";

    /// <summary>The server's tag: 1.17's last patch release (vmware-tanzu/velero tag v1.17.2), newer than the chart's 1.17.1 within its minor.</summary>
    public const string Tag = "v1.17.2";

    /// <summary>The S3 plugin's image, an init container that copies the plugin into the server's plugin folder.</summary>
    public const string AwsPlugin = "velero/velero-plugin-for-aws";

    /// <summary>The plugin's tag (vmware-tanzu/velero-plugin-for-aws tag v1.13.2).</summary>
    public const string AwsPluginTag = "v1.13.2";
}
