using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// The NVIDIA GPU Operator (<c>mlops:gpu.operator</c>). In vGPU mode the guest driver comes from NVIDIA's licensed
/// registry (or a mirror), so its image and pull secret are given here, with the NLS client token.
/// </summary>
public sealed record GpuOperatorOptions
{
    /// <summary>The registry path of the vGPU guest driver image (e.g. <c>nvcr.io/nvaie</c>). Required in vGPU mode.</summary>
    public string? DriverRepository { get; init; }

    /// <summary>The guest driver image's name. Default <c>vgpu-guest-driver-5</c>.</summary>
    public string? DriverImage { get; init; }

    /// <summary>The guest driver's version tag, matching the hosts' vGPU Manager. Required in vGPU mode.</summary>
    public string? DriverVersion { get; init; }

    /// <summary>A Docker config JSON for the driver's registry, always a secret. Required in vGPU mode.</summary>
    public SecretSetting? PullSecret { get; init; }

    /// <summary>The NVIDIA License System client configuration token, always a secret. Required in vGPU mode.</summary>
    public SecretSetting? LicenseToken { get; init; }
}
