namespace Infra.Model.Gpu;

/// <summary>The pinned NVIDIA GPU Operator chart.</summary>
public static class GpuOperatorVersions
{
    /// <summary>NVIDIA's Helm repository.</summary>
    public const string Repository = "https://helm.ngc.nvidia.com/nvidia";

    /// <summary>The chart's name.</summary>
    public const string Chart = "gpu-operator";

    /// <summary>The chart's version (the upstream default values in shared/upstream are this tag's).</summary>
    public const string Version = "v26.7.0";

    /// <summary>The pinned chart.</summary>
    public static Kubernetes.HelmChart HelmChart { get; } = new(Repository, Chart, Version);

    /// <summary>
    /// The images the chart runs by default beside the driver, by the values object that names each one's
    /// repository: the operator and its validator, the driver manager, the container toolkit, the device plugin
    /// (which also runs feature discovery), the DCGM exporter, the MIG manager, and Node Feature Discovery from its
    /// subchart (deployments/gpu-operator/values.yaml and charts/node-feature-discovery 0.19.0 at v26.7.0; the
    /// release packages the chart with its own version as the operator's and the validator's tag). The ClusterPolicy
    /// template writes each <c>repository</c> it is given (templates/clusterpolicy.yaml, _helpers.tpl).
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<GpuOperand> Operands { get; } =
    [
        new("operator", "nvcr.io/nvidia", "gpu-operator", Version),
        new("validator", "nvcr.io/nvidia", "gpu-operator", Version),
        new("driver.manager", "nvcr.io/nvidia/cloud-native", "k8s-driver-manager", "v0.12.0"),
        new("toolkit", "nvcr.io/nvidia/k8s", "container-toolkit", "v1.20.0"),
        new("devicePlugin", "nvcr.io/nvidia", "k8s-device-plugin", "v0.20.0"),
        new("gfd", "nvcr.io/nvidia", "k8s-device-plugin", "v0.20.0"),
        new("dcgmExporter", "nvcr.io/nvidia/k8s", "dcgm-exporter", "4.6.0-4.8.3-distroless"),
        new("migManager", "nvcr.io/nvidia/cloud-native", "k8s-mig-manager", "v0.15.0"),
        new("node-feature-discovery.image", "registry.k8s.io/nfd/node-feature-discovery", null, "v0.19.0"),
    ];

    /// <summary>The vGPU guest driver image's name in the site's NGC registry or mirror, where none is configured.</summary>
    public const string DefaultDriverImage = "vgpu-guest-driver-5";

    /// <summary>
    /// The driver branches the pinned release supports: R580 and R595 (NVIDIA/cloud-native-docs,
    /// gpu-operator/platform-support.rst for 26.7, the validated driver branches; its 26.7.0 release notes list
    /// driver 595.91.07 as the default).
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<int> DriverBranches { get; } = [580, 595];
}

/// <summary>An image the GPU Operator's chart runs, by the values object that names its repository.</summary>
/// <param name="ValuesPath">The dotted path of the object with <c>repository</c>.</param>
/// <param name="Repository">The repository value's default.</param>
/// <param name="Image">The <c>image</c> value beside it, or null where the repository names the image (Node Feature Discovery's).</param>
/// <param name="Version">The tag the chart writes.</param>
public sealed record GpuOperand(string ValuesPath, string Repository, string? Image, string Version)
{
    /// <summary>The full reference.</summary>
    public string Reference => Image is null ? $"{Repository}:{Version}" : $"{Repository}/{Image}:{Version}";
}
