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
    /// The images the chart runs by default beside the driver: the operator and its validator, the driver manager,
    /// the container toolkit, the device plugin (which also runs feature discovery), the DCGM exporter, the MIG
    /// manager and Node Feature Discovery (deployments/gpu-operator/values.yaml at v26.7.0; the release packages the
    /// chart with its own version as the operator's tag). The operator names them in its ClusterPolicy and starts them
    /// itself, so no mirror transform rewrites them.
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<string> OperandImages { get; } =
    [
        "nvcr.io/nvidia/gpu-operator:" + Version,
        "nvcr.io/nvidia/cloud-native/k8s-driver-manager:v0.12.0",
        "nvcr.io/nvidia/k8s/container-toolkit:v1.20.0",
        "nvcr.io/nvidia/k8s-device-plugin:v0.20.0",
        "nvcr.io/nvidia/k8s/dcgm-exporter:4.6.0-4.8.3-distroless",
        "nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.15.0",
        "registry.k8s.io/nfd/node-feature-discovery:v0.19.0",
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
