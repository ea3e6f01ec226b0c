using CsCheck;
using Infra.Model.Gpu;

namespace Infra.Model.Tests.Gpu;

public sealed class GpuPlacementTests
{
    private static readonly Gen<(string Name, int Gpus)[]> Hosts =
        Gen.Int[1, 8].Array[1, 4].Select(gpus => gpus.Select((g, i) => ($"esx{i}", g)).ToArray());

    private static readonly Gen<(string Name, int Gpus)[]> Vms =
        Gen.Int[1, 8].Array[0, 7].Select(gpus => gpus.Select((g, i) => ($"vm{i:00}", g)).ToArray());

    [Fact]
    public void Place_SpreadsVmsOverHostsBiggestFirst()
    {
        var result = GpuPlacement.Place([("esx1", 4), ("esx2", 4)], [("a", 1), ("b", 2), ("c", 1)]);

        Assert.True(result.Complete);
        Assert.Equal(
            [new VmPlacement("a", "esx2", 0, 1), new VmPlacement("b", "esx1", 0, 2), new VmPlacement("c", "esx2", 1, 1)],
            result.Placements.ToArray());
        Assert.Equal([new HostUsage("esx1", 4, 2), new HostUsage("esx2", 4, 2)], result.Hosts.ToArray());
    }

    [Fact]
    public void Place_WhereSpreadingStrandsAVm_FindsThePackingThatExists()
    {
        // Spreading puts the 2s on different hosts, leaving no host with 4 free; packing both 2s on one host fits the 4.
        var result = GpuPlacement.Place([("esx1", 4), ("esx2", 4)], [("a", 2), ("b", 2), ("c", 4)]);

        Assert.True(result.Complete);
        Assert.All(result.Hosts, h => Assert.Equal(4, h.Used));
    }

    [Fact]
    public void Place_TooBig_ReportsTheVmsThatFitNowhere()
    {
        var result = GpuPlacement.Place([("esx1", 4), ("esx2", 2)], [("a", 4), ("b", 4), ("c", 2)]);

        Assert.False(result.Complete);
        Assert.Equal(["b"], result.Unplaced.ToArray());
    }

    [Fact]
    public void Place_NeverGivesAHostMoreGpusThanItHas()
    {
        Gen.Select(Hosts, Vms).Sample((hosts, vms) =>
        {
            var result = GpuPlacement.Place(hosts, vms);
            return result.Hosts.All(h => h.Used <= h.Gpus)
                && result.Placements.Length + result.Unplaced.Length == vms.Length
                && result.Placements.GroupBy(p => p.Host).All(g => g.Sum(p => p.Gpus) == result.Hosts.Single(h => h.Host == g.Key).Used);
        });
    }

    [Fact]
    public void Place_PlacesEverythingWheneverAPackingExists()
    {
        Gen.Select(Hosts, Vms).Sample((hosts, vms) =>
            GpuPlacement.Place(hosts, vms).Complete == PackingExists(hosts.Select(h => h.Gpus).ToArray(), vms.Select(v => v.Gpus).ToArray(), 0));
    }

    [Fact]
    public void Place_GivesEachVmOnAHostItsOwnGpus()
    {
        Gen.Select(Hosts, Vms).Sample((hosts, vms) =>
            GpuPlacement.Place(hosts, vms).Placements.GroupBy(p => p.Host).All(host =>
            {
                var ranges = host.OrderBy(p => p.FirstGpu).ToArray();
                return ranges.Zip(ranges.Skip(1)).All(pair => pair.First.FirstGpu + pair.First.Gpus <= pair.Second.FirstGpu);
            }));
    }

    private static bool PackingExists(int[] free, int[] vms, int next)
    {
        if (next == vms.Length)
        {
            return true;
        }

        for (var h = 0; h < free.Length; h++)
        {
            if (free[h] >= vms[next])
            {
                free[h] -= vms[next];
                var found = PackingExists(free, vms, next + 1);
                free[h] += vms[next];
                if (found)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
