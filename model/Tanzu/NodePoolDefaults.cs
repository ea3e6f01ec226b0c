using System.Collections.Immutable;
using Infra.Model.Options;

namespace Infra.Model.Tanzu;

/// <summary>The workload cluster's node pools after defaults: what config lists, or a CPU pool and, in vGPU mode, a GPU pool.</summary>
public static class NodePoolDefaults
{
    /// <summary>A node pool after defaults.</summary>
    /// <param name="Name">The pool's name.</param>
    /// <param name="Replicas">Its nodes.</param>
    /// <param name="Gpu">Whether its nodes get the vGPU VM class.</param>
    public sealed record EffectivePool(string Name, int Replicas, bool Gpu);

    /// <summary>The pools of <paramref name="options"/>.</summary>
    public static ImmutableArray<EffectivePool> For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static ImmutableArray<EffectivePool> Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tanzu?.NodePools is { Count: > 0 } pools)
        {
            return [.. pools.Select(p => new EffectivePool(Validated.Required(p.Name), p.Replicas ?? 1, p.Gpu ?? false))];
        }

        var production = options.IsProduction;
        // Sized with the default class for the default services at level 2: 16 vCPUs and 128 GiB; in production, with
        // their HA replicas and monitoring, 40 and 320.
        var cpu = new EffectivePool("cpu", production ? 5 : 2, Gpu: false);
        return options.Gpu?.EffectiveMode == GpuMode.Vgpu
            ? [cpu, new EffectivePool("gpu", production ? 2 : 1, Gpu: true)]
            : [cpu];
    }
}
