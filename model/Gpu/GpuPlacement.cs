using System.Collections.Immutable;

namespace Infra.Model.Gpu;

/// <summary>
/// Places passthrough VMs on GPU hosts: each VM takes its GPUs from one host, and no host gives more GPUs than it
/// has. VMs are spread (the biggest first, each to the host with the most GPUs free); where spreading leaves a VM
/// out, an exhaustive search finds a packing if one exists, so everything that fits is placed.
/// </summary>
public static class GpuPlacement
{
    private const int SearchBudget = 200_000;

    /// <summary>Places <paramref name="vms"/> (name, GPUs) on <paramref name="hosts"/> (name, GPUs).</summary>
    public static PlacementResult Place(IReadOnlyList<(string Name, int Gpus)> hosts, IReadOnlyList<(string Name, int Gpus)> vms)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(vms);
        var order = Enumerable.Range(0, vms.Count).OrderByDescending(i => vms[i].Gpus).ThenBy(i => i).ToArray();
        var free = hosts.Select(h => h.Gpus).ToArray();
        var chosen = new int?[vms.Count];
        foreach (var i in order)
        {
            var best = -1;
            for (var h = 0; h < hosts.Count; h++)
            {
                if (free[h] >= vms[i].Gpus && (best < 0 || free[h] > free[best]))
                {
                    best = h;
                }
            }

            if (best >= 0)
            {
                chosen[i] = best;
                free[best] -= vms[i].Gpus;
            }
        }

        if (chosen.Any(c => c is null))
        {
            var exact = new int?[vms.Count];
            var budget = SearchBudget;
            if (Search(0, order, vms, hosts.Select(h => h.Gpus).ToArray(), exact, ref budget))
            {
                chosen = exact;
            }
        }

        return Result(hosts, vms, chosen);
    }

    private static bool Search(int k, int[] order, IReadOnlyList<(string Name, int Gpus)> vms, int[] free, int?[] chosen, ref int budget)
    {
        if (k == order.Length)
        {
            return true;
        }

        var i = order[k];
        var tried = new HashSet<int>();
        for (var h = 0; h < free.Length; h++)
        {
            // Hosts with the same GPUs free are interchangeable here: try one of them.
            if (free[h] < vms[i].Gpus || !tried.Add(free[h]) || --budget < 0)
            {
                continue;
            }

            free[h] -= vms[i].Gpus;
            chosen[i] = h;
            if (Search(k + 1, order, vms, free, chosen, ref budget))
            {
                return true;
            }

            free[h] += vms[i].Gpus;
            chosen[i] = null;
        }

        return false;
    }

    private static PlacementResult Result(IReadOnlyList<(string Name, int Gpus)> hosts, IReadOnlyList<(string Name, int Gpus)> vms, int?[] chosen)
    {
        var used = new int[hosts.Count];
        var placements = ImmutableArray.CreateBuilder<VmPlacement>();
        var unplaced = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < vms.Count; i++)
        {
            if (chosen[i] is { } h)
            {
                placements.Add(new VmPlacement(vms[i].Name, hosts[h].Name, used[h], vms[i].Gpus));
                used[h] += vms[i].Gpus;
            }
            else
            {
                unplaced.Add(vms[i].Name);
            }
        }

        return new PlacementResult(
            placements.ToImmutable(),
            unplaced.ToImmutable(),
            [.. hosts.Select((host, h) => new HostUsage(host.Name, host.Gpus, used[h]))]);
    }
}
