using Infra.Components.Core;
using Infra.Model.Vsphere;
using Pulumi;

namespace Infra.Components.Vsphere;

/// <summary>
/// A passthrough GPU VM (<c>infra:vsphere:GpuVirtualMachine</c>): the VM on its host with its GPUs, its template
/// checked first, and the DRS override that keeps it there, as <see cref="FoundationPlanner.GpuVirtualMachineNodes"/>
/// plans it, for programs that compose the foundation themselves.
/// </summary>
public sealed class GpuVirtualMachine : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public GpuVirtualMachine(string name, GpuVirtualMachineArgs args, ComponentResourceOptions? options = null)
        : base(VsphereTokens.GpuVirtualMachineComponent, name, args, parent => FoundationPlanner.GpuVirtualMachineNodes(args.Foundation, args.Spec, parent), options)
    {
        Address = Text(FoundationPlanner.VmAddress(args.Spec));
        RegisterOutputs(new Dictionary<string, object?> { ["address"] = Address });
    }

    /// <summary>The VM's IP address, as VMware Tools reports it.</summary>
    [Output("address")]
    public Output<string> Address { get; }
}
