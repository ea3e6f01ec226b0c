using System.Collections.Immutable;

namespace Infra.Model.Planning;

/// <summary>
/// The difference between two plans of a stack (two revisions, or two stacks): the nodes added, removed and
/// changed, each change with its inputs before and after. Plans hold no secret values, so neither does a diff.
/// </summary>
/// <param name="Before">The plan compared against.</param>
/// <param name="After">The plan compared.</param>
/// <param name="Added">Nodes only in <paramref name="After"/>.</param>
/// <param name="Removed">Nodes only in <paramref name="Before"/>.</param>
/// <param name="Changed">Nodes in both that differ.</param>
public sealed record PlanDiff(Plan Before, Plan After, ImmutableArray<PlanNode> Added, ImmutableArray<PlanNode> Removed, ImmutableArray<NodeChange> Changed)
{
    /// <summary>Whether anything differs.</summary>
    public bool HasChanges => !Added.IsEmpty || !Removed.IsEmpty || !Changed.IsEmpty;

    /// <summary>The changes that delete or replace a resource holding data, or a protected one (<see cref="Planning.DataLoss"/>), found once.</summary>
    public ImmutableArray<DataLoss> DataLoss { get; } = Planning.DataLoss.Of(Before, After, Removed, Changed);

    /// <summary>The ids of every added, removed or changed node.</summary>
    public IReadOnlySet<string> ChangedIds =>
        Added.Select(n => n.Id).Concat(Removed.Select(n => n.Id)).Concat(Changed.Select(c => c.Id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Compares <paramref name="after"/> with <paramref name="before"/>.</summary>
    public static PlanDiff Of(Plan before, Plan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var @new = after.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        return new PlanDiff(
            before,
            after,
            [.. after.Nodes.Where(n => !old.ContainsKey(n.Id))],
            [.. before.Nodes.Where(n => !@new.ContainsKey(n.Id))],
            [.. after.Nodes.Where(n => old.ContainsKey(n.Id)).Select(n => NodeChange.Of(old[n.Id], n)).OfType<NodeChange>()]);
    }
}
