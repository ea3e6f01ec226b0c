using Infra.Model.Gpu;
using Infra.Model.Vsphere;
using Pulumi;

namespace Infra.Components.Vsphere;

/// <summary>What a passthrough GPU VM is built from: the model's decisions and the foundation's look-ups.</summary>
public sealed class GpuVirtualMachineArgs
{
    /// <summary>The foundation's decisions (placement names, protection, template kind).</summary>
    public required FoundationSpec Foundation { get; init; }

    /// <summary>This VM's decisions.</summary>
    public required GpuVmSpec Vm { get; init; }

    /// <summary>The look-ups.</summary>
    public required VsphereInventory Inventory { get; init; }

    /// <summary>The default storage tier's policy, for the VM's disks.</summary>
    public Output<string>? StoragePolicyId { get; init; }

    /// <summary>The VM folder's path.</summary>
    public required Output<string> FolderPath { get; init; }
}
