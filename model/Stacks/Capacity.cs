using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Tanzu;

namespace Infra.Model.Stacks;

/// <summary>
/// Whether the enabled services fit the workload cluster: what each technology asks of the CPU pools (its pods'
/// requests, or the minimum upstream documents where that is more), summed against the pools' VM classes. GPU
/// pools are left out, as they are kept for GPU work.
/// </summary>
public static class Capacity
{
    /// <summary>What valid <paramref name="options"/> run on the cluster asks of its CPU pools, in the technologies' order.</summary>
    public static ImmutableArray<ResourceShare> Requests(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DeploysPlatform ? [.. Technologies.All.SelectMany(t => t.Requests(options))] : [];
    }

    /// <summary>The CPU pools' vCPUs (in millicores) and memory (in MiB), or null where a pool's class is one a site defined, whose size is not known here.</summary>
    public static (long CpuMillis, long MemoryMi)? Pools(TanzuSpec tanzu)
    {
        ArgumentNullException.ThrowIfNull(tanzu);
        var sizes = CpuPools(tanzu).Select(p => (Pool: p, Size: VmClassSizes.Of(p.VmClass))).ToArray();
        return sizes.Any(s => s.Size is null)
            ? null
            : (sizes.Sum(s => s.Pool.Replicas * s.Size!.Value.Cpu * 1000L), sizes.Sum(s => s.Pool.Replicas * s.Size!.Value.MemoryGi * 1024L));
    }

    /// <summary>
    /// Where the stack deploys its cluster and runs the platform on it, that the CPU pools hold what the enabled
    /// services request. Checked once the rest holds, since it reads the resolved model.
    /// </summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (!errors.NoneYet || !options.DeploysFoundation || !options.DeploysPlatform)
        {
            return;
        }

        var tanzu = TanzuSpec.For(options);
        if (Pools(tanzu) is not { } pools)
        {
            return;
        }

        var requests = Requests(options);
        var cpu = requests.Sum(r => r.CpuMillis);
        var memory = requests.Sum(r => r.MemoryMi);
        if (cpu <= pools.CpuMillis && memory <= pools.MemoryMi)
        {
            return;
        }

        var cpuPools = CpuPools(tanzu);
        var described = cpuPools.IsEmpty ? "no CPU node pool" : string.Join(", ", cpuPools.Select(p => $"{p.Name}: {p.Replicas} x {p.VmClass}"));
        errors.Fail(
            TanzuErrors.Capacity,
            "mlops:tanzu:nodePools",
            $"give the platform {ResourceShare.Cpus(pools.CpuMillis)} and {ResourceShare.Gibibytes(pools.MemoryMi)} ({described}), but its services request {ResourceShare.Cpus(cpu)} and {ResourceShare.Gibibytes(memory)}: {string.Join("; ", requests.Where(r => r.CpuMillis > 0 || r.MemoryMi > 0))}. " +
            "Add nodes with 'pulumi config set --path \"mlops:tanzu.nodePools[0].replicas\" <number>', choose a larger class with 'pulumi config set --path \"mlops:tanzu.nodePools[0].vmClass\" best-effort-2xlarge', or turn a service off (for example 'pulumi config set --path mlops:platform.gitlab.enabled false').");
    }

    private static ImmutableArray<NodePoolSpec> CpuPools(TanzuSpec tanzu) => [.. tanzu.NodePools.Where(p => !p.Gpu)];
}
