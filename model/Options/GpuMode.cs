namespace Infra.Model.Options;

/// <summary>How GPUs reach the workloads.</summary>
public enum GpuMode
{
    /// <summary>No GPUs.</summary>
    None,

    /// <summary>Whole GPUs passed through (DirectPath I/O) to standalone VMs.</summary>
    Passthrough,

    /// <summary>NVIDIA vGPU profiles through VM classes, used by the workload cluster's GPU node pool.</summary>
    Vgpu,
}
