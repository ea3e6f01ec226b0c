namespace Infra.Model.Options;

/// <summary>GPUs (<c>mlops:gpu</c>): how they are used, which model the hosts have, and the hosts.</summary>
public sealed record GpuOptions
{
    /// <summary>Passthrough, vGPU or none. Default <see cref="GpuMode.None"/>.</summary>
    public GpuMode? Mode { get; init; }

    /// <summary>The GPU model in the hosts, e.g. <c>a100-80gb</c>. Required unless the mode is none.</summary>
    public string? Model { get; init; }

    /// <summary>The vGPU profile, as vSphere names it (e.g. <c>grid_a100d-20c</c>). Required in vGPU mode.</summary>
    public string? Profile { get; init; }

    /// <summary>The ESXi hosts with GPUs. Required unless the mode is none.</summary>
    public IReadOnlyList<GpuHostOptions>? Hosts { get; init; }

    /// <summary>Standalone VMs with GPUs passed through (training boxes, notebook servers). Passthrough mode only. Default: none.</summary>
    public IReadOnlyList<GpuVmOptions>? Vms { get; init; }

    /// <summary>The VM class that gives cluster nodes a vGPU. vGPU mode only. Default: 8 CPUs, 64Gi, named after the profile.</summary>
    public GpuVmClassOptions? VmClass { get; init; }

    /// <summary>The NVIDIA GPU Operator on the workload cluster's GPU nodes (vGPU mode). Default: the catalog's settings.</summary>
    public GpuOperatorOptions? Operator { get; init; }

    /// <summary>The effective mode.</summary>
    public GpuMode EffectiveMode => Mode ?? GpuMode.None;
}
