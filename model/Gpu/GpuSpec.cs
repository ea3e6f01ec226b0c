using System.Collections.Immutable;
using System.Globalization;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Tanzu;

namespace Infra.Model.Gpu;

/// <summary>Every GPU decision for a stack: the passthrough VMs and where they run, the vGPU VM class, and the capacity they use.</summary>
/// <param name="Mode">How GPUs reach workloads.</param>
/// <param name="Model">The GPU model; null without GPUs.</param>
/// <param name="Vms">The passthrough VMs, in config order.</param>
/// <param name="VmClass">The vGPU VM class; null outside vGPU mode.</param>
/// <param name="Capacity">Each GPU host's capacity and use.</param>
public sealed record GpuSpec(GpuMode Mode, GpuModel? Model, ImmutableArray<GpuVmSpec> Vms, GpuVmClassSpec? VmClass, ImmutableArray<GpuCapacityRow> Capacity)
{
    /// <summary>Default vCPUs of a GPU VM or of the vGPU VM class.</summary>
    public const int DefaultCpus = 8;

    /// <summary>Default memory of a GPU VM or of the vGPU VM class.</summary>
    public const string DefaultMemory = "64Gi";

    /// <summary>Default system disk of a GPU VM.</summary>
    public const string DefaultDisk = "200Gi";

    /// <summary>Default DNS domain of GPU VMs.</summary>
    public const string DefaultDomain = "local";

    /// <summary>The hosts whose one GPU device for VMs comes from <c>getHostPciDevice</c> (no PCI addresses in config).</summary>
    public ImmutableArray<string> HostsNeedingPciLookup =>
        [.. Vms.Where(v => v.PciAddresses.IsEmpty).Select(v => v.Host).Distinct(StringComparer.Ordinal)];

    /// <summary>The GPU decisions for valid <paramref name="options"/>.</summary>
    public static GpuSpec For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static GpuSpec Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gpu = options.Gpu;
        var mode = gpu?.EffectiveMode ?? GpuMode.None;
        var model = GpuCatalog.Find(gpu?.Model);
        if (mode == GpuMode.None || gpu is null || model is null)
        {
            return new GpuSpec(GpuMode.None, null, [], null, []);
        }

        var hosts = gpu.Hosts ?? [];
        if (mode == GpuMode.Passthrough)
        {
            var placement = PlacePassthrough(options);
            var vms = PassthroughVms(options, model, placement);
            var capacity = placement.Hosts.Select((h, i) => new GpuCapacityRow(h.Host, hosts[i].Gpus ?? 0, "passthrough", hosts[i].Gpus ?? 0, h.Used, Reserved(hosts[i]), SharedWith(hosts[i])));
            return new GpuSpec(mode, model, vms, null, [.. capacity]);
        }

        var profile = model.Profile(gpu.Profile!)!;
        var vmClass = new GpuVmClassSpec(
            gpu.VmClass?.Name ?? VmClassName(Validated.Required(options.Environment), profile),
            gpu.VmClass?.Cpus ?? DefaultCpus,
            (int)Quantity.ToMebibytes(gpu.VmClass?.Memory ?? DefaultMemory)!.Value,
            profile.Name,
            [.. hosts.Select(h => Validated.Required(h.Name))]);
        return new GpuSpec(mode, model, [], vmClass, VgpuCapacity(options, model, profile));
    }

    /// <summary>
    /// The VM class name for a profile: <c>mlops-&lt;environment&gt;-vgpu-</c> and the profile without its vendor
    /// prefix. VM classes are named once per vCenter, so each stack owns its own: one stack's <c>pulumi destroy</c>
    /// never deletes the class another stack's GPU nodes run on.
    /// </summary>
    public static string VmClassName(string environment, VgpuProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return $"mlops-{environment}-vgpu-" + profile.Name[(profile.Name.IndexOf('_', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>The name of VM <paramref name="index"/> (from 0) of a group: <c>&lt;environment&gt;-&lt;group&gt;-NN</c>.</summary>
    public static string VmName(string environment, string group, int index) =>
        $"{environment}-{group}-{(index + 1).ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>Every passthrough VM (name, GPUs), in config order.</summary>
    public static ImmutableArray<(string Name, int Gpus)> VmRequests(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. (options.Gpu?.Vms ?? []).SelectMany(group => Enumerable.Range(0, group.Count ?? 1)
            .Select(i => (VmName(Validated.Required(options.Environment), Validated.Required(group.Name), i), group.Gpus ?? 1)))];
    }

    /// <summary>Places the passthrough VMs on the GPU hosts.</summary>
    public static PlacementResult PlacePassthrough(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // What other stacks reserve on a host is not this stack's to place on.
        var hosts = (options.Gpu?.Hosts ?? []).Select(h => (Validated.Required(h.Name), Math.Max(0, (h.Gpus ?? 0) - Reserved(h)))).ToArray();
        return GpuPlacement.Place(hosts, VmRequests(options));
    }

    /// <summary>What other stacks take of a host (<c>mlops:gpu.hosts[].reserved</c>).</summary>
    public static int Reserved(GpuHostOptions host) => Math.Max(0, host?.Reserved ?? 0);

    /// <summary>The vGPUs the GPU node pools need: one per GPU node.</summary>
    public static long VgpuDemand(PlatformOptions options) => NodePoolDefaults.For(options).Where(p => p.Gpu).Sum(p => (long)p.Replicas);

    private static string SharedWith(GpuHostOptions host) => string.Join(", ", host.SharedWith ?? []);

    private static ImmutableArray<GpuCapacityRow> VgpuCapacity(PlatformOptions options, GpuModel model, VgpuProfile profile)
    {
        var hosts = options.Gpu?.Hosts ?? [];
        var slots = hosts.Select(h => (h.Gpus ?? 0) * profile.PerGpu(model)).ToArray();
        var reserved = hosts.Select(Reserved).ToArray();
        var used = new int[hosts.Count];
        for (var demand = VgpuDemand(options); demand > 0; demand--)
        {
            var best = Enumerable.Range(0, hosts.Count).Where(h => slots[h] - reserved[h] > used[h]).OrderByDescending(h => slots[h] - reserved[h] - used[h]).ThenBy(h => h).FirstOrDefault(-1);
            if (best < 0)
            {
                break;
            }

            used[best]++;
        }

        return [.. hosts.Select((h, i) => new GpuCapacityRow(Validated.Required(h.Name), h.Gpus ?? 0, profile.Name, slots[i], used[i], reserved[i], SharedWith(h)))];
    }

    private static ImmutableArray<GpuVmSpec> PassthroughVms(PlatformOptions options, GpuModel model, PlacementResult placement)
    {
        var byName = placement.Placements.ToDictionary(p => p.Vm, StringComparer.Ordinal);
        var hosts = (options.Gpu?.Hosts ?? []).ToDictionary(h => Validated.Required(h.Name), StringComparer.OrdinalIgnoreCase);
        var vms = ImmutableArray.CreateBuilder<GpuVmSpec>();
        foreach (var group in options.Gpu?.Vms ?? [])
        {
            for (var i = 0; i < (group.Count ?? 1); i++)
            {
                var name = VmName(Validated.Required(options.Environment), Validated.Required(group.Name), i);
                var place = byName[name];
                var addresses = hosts[place.Host].PciAddresses is { Count: > 0 } pci
                    ? pci.Skip(place.FirstGpu).Take(place.Gpus).ToImmutableArray()
                    : [];
                var gpus = group.Gpus ?? 1;
                vms.Add(new GpuVmSpec(
                    name,
                    Validated.Required(group.Name),
                    place.Host,
                    group.Cpus ?? DefaultCpus,
                    (int)Quantity.ToMebibytes(group.Memory ?? DefaultMemory)!.Value,
                    (int)Quantity.ToGibibytes(group.Disk ?? DefaultDisk)!.Value,
                    gpus,
                    addresses,
                    model.MinHardwareVersion,
                    MmioSizing.SizeGb(model, gpus),
                    StaticNetwork(group.Network, i),
                    group.Network?.Domain ?? DefaultDomain,
                    group.UserData));
            }
        }

        return vms.ToImmutable();
    }

    private static GpuVmStaticNetwork? StaticNetwork(GpuVmNetworkOptions? network, int index)
    {
        if (network?.Addresses is not { Count: > 0 } addresses)
        {
            return null;
        }

        var cidr = addresses[index].Split('/');
        return new GpuVmStaticNetwork(cidr[0], int.Parse(cidr[1], CultureInfo.InvariantCulture), network.Gateway!, [.. network.DnsServers ?? []]);
    }
}
