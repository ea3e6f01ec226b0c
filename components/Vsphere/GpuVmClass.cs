using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Model.Gpu;
using Infra.Model.Vsphere;
using Pulumi;
using Pulumi.VSphere;

namespace Infra.Components.Vsphere;

/// <summary>
/// The VM class that gives Tanzu cluster nodes one vGPU (<c>infra:vsphere:GpuVmClass</c>). Before creating it, it
/// asks every GPU host which vGPU profiles it offers, and fails with that list when the profile is not among them.
/// </summary>
public sealed class GpuVmClass : InfraComponent
{
    /// <summary>Registers the profile checks and the class.</summary>
    public GpuVmClass(string name, GpuVmClassArgs args, ComponentResourceOptions? options = null)
        : base(VsphereTokens.GpuVmClassComponent, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.VmClass;
        var offered = spec.Hosts
            .Select(host => GetHostVgpuProfile.Invoke(new GetHostVgpuProfileInvokeArgs { HostId = args.HostIds[host] }, InvokeOptions())
                .Apply(result => (Host: host, Profiles: result.VgpuProfiles.Select(p => p.Vgpu).ToImmutableArray())))
            .ToArray();
        var devices = Output.All(offered).Apply(hosts => CheckProfile(spec, hosts));

        var vmClass = new VirtualMachineClass(spec.Name, new VirtualMachineClassArgs
        {
            Name = spec.Name,
            Cpus = spec.Cpus,
            Memory = spec.MemoryMb,
            MemoryReservation = GpuVmClassSpec.MemoryReservationPercent,
            VgpuDevices = devices,
        }, ChildOptions());

        ClassName = vmClass.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["className"] = ClassName });
    }

    /// <summary>The VM class's name, for the vSphere Namespace and the GPU node pools.</summary>
    [Output]
    public Output<string> ClassName { get; }

    /// <summary>The class's vGPU devices, or a failure naming the hosts that lack the profile and what they offer.</summary>
    internal ImmutableArray<string> CheckProfile(GpuVmClassSpec spec, ImmutableArray<(string Host, ImmutableArray<string> Profiles)> hosts)
    {
        var missing = hosts.Where(h => !h.Profiles.Contains(spec.Profile, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0)
        {
            var offered = string.Join("; ", missing.Select(h => $"{h.Host} offers {(h.Profiles.IsEmpty ? "none" : string.Join(", ", h.Profiles.Order(StringComparer.Ordinal)))}"));
            throw new ResourceException(
                $"mlops:gpu.profile '{spec.Profile}' is not offered by every GPU host: {offered}. Set one they all offer with 'pulumi config set --path mlops:gpu.profile <profile>', or check the hosts' NVIDIA vGPU Manager and GPU mode.",
                this,
                hideStack: true);
        }

        return [spec.Profile];
    }
}
