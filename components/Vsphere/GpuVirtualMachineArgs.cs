using Infra.Components.Core;
using Infra.Model.Gpu;
using Infra.Model.Vsphere;

namespace Infra.Components.Vsphere;

/// <summary>What <see cref="GpuVirtualMachine"/> is planned from: the VM's spec, and the foundation it is placed in (its look-ups, folder and storage policy are registered first).</summary>
public sealed class GpuVirtualMachineArgs : PlannedPartArgs<GpuVmSpec>
{
    /// <summary>The foundation's decisions the VM is placed by.</summary>
    public required FoundationSpec Foundation { get; init; }
}
