using Infra.Components.Core;
using Infra.Model.Vsphere;
using Pulumi;

namespace Infra.Components.Vsphere;

/// <summary>
/// The vGPU VM class (<c>infra:vsphere:GpuVmClass</c>), checked against the profiles each GPU host offers, as
/// <see cref="FoundationPlanner.GpuVmClassNodes"/> plans it, for programs that compose the foundation themselves.
/// </summary>
public sealed class GpuVmClass : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public GpuVmClass(string name, GpuVmClassArgs args, ComponentResourceOptions? options = null)
        : base(VsphereTokens.GpuVmClassComponent, name, args, parent => FoundationPlanner.GpuVmClassNodes(args.Spec, parent), options)
    {
        ClassName = Text(FoundationPlanner.VmClassName(args.Spec));
        RegisterOutputs(new Dictionary<string, object?> { ["className"] = ClassName });
    }

    /// <summary>The VM class's name, as the vSphere Namespace offers it.</summary>
    [Output("className")]
    public Output<string> ClassName { get; }
}
