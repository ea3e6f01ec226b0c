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
}
