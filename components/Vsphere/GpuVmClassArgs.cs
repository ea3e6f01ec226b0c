using Infra.Model.Gpu;
using Pulumi;

namespace Infra.Components.Vsphere;

/// <summary>What the vGPU VM class is built from.</summary>
public sealed class GpuVmClassArgs
{
    /// <summary>The class's decisions.</summary>
    public required GpuVmClassSpec VmClass { get; init; }

    /// <summary>The GPU hosts' ids by name; each is checked for the profile.</summary>
    public required IReadOnlyDictionary<string, Output<string>> HostIds { get; init; }
}
