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

    /// <summary>The vGPU guest driver image unless config names one.</summary>
    public const string DefaultDriverImage = "vgpu-guest-driver-5";

    /// <summary>
    /// The driver branches the pinned release supports: R580 and R595 (NVIDIA/cloud-native-docs,
    /// gpu-operator/platform-support.rst for 26.7, the validated driver branches; its 26.7.0 release notes list
    /// driver 595.91.07 as the default).
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<int> DriverBranches { get; } = [580, 595];
}
