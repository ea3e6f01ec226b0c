using System.Collections.Immutable;

namespace Infra.Model.Gpu;

/// <summary>The outcome of placing VMs on GPU hosts.</summary>
/// <param name="Placements">The placed VMs, in the order asked for.</param>
/// <param name="Unplaced">The VMs that fit nowhere, in the order asked for.</param>
/// <param name="Hosts">Each host's use, in the order given.</param>
public sealed record PlacementResult(ImmutableArray<VmPlacement> Placements, ImmutableArray<string> Unplaced, ImmutableArray<HostUsage> Hosts)
{
    /// <summary>Whether every VM was placed.</summary>
    public bool Complete => Unplaced.IsEmpty;
}
