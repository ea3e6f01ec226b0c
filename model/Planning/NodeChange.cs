using System.Collections.Immutable;

namespace Infra.Model.Planning;

/// <summary>What changed in one node.</summary>
/// <param name="Id">The node's id.</param>
/// <param name="Inputs">The inputs that differ: name, value before (null if added), value after (null if removed).</param>
/// <param name="Options">The options that differ (parent, provider, protect, dependsOn, timeouts, ignoreChanges, transforms, checks), as name, before, after.</param>
public sealed record NodeChange(string Id, ImmutableArray<(string Name, PlanValue? Before, PlanValue? After)> Inputs, ImmutableArray<(string Name, string Before, string After)> Options)
{
    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/>, or null where they are equal.</summary>
    public static NodeChange? Of(PlanNode before, PlanNode after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var inputs = before.Inputs.Keys.Union(after.Inputs.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(key => (Name: key, Before: before.Inputs.GetValueOrDefault(key), After: after.Inputs.GetValueOrDefault(key)))
            .Where(c => !Equals(c.Before, c.After))
            .ToImmutableArray();
        var options = new[]
        {
            ("parent", before.Parent ?? "-", after.Parent ?? "-"),
            ("provider", before.Provider ?? "-", after.Provider ?? "-"),
            ("protect", before.Protect ? "true" : "false", after.Protect ? "true" : "false"),
            ("dependsOn", string.Join(", ", before.DependsOn.Order(StringComparer.Ordinal)), string.Join(", ", after.DependsOn.Order(StringComparer.Ordinal))),
            ("timeouts", before.Timeouts?.ToString() ?? "-", after.Timeouts?.ToString() ?? "-"),
            ("ignoreChanges", string.Join(", ", before.IgnoreChanges), string.Join(", ", after.IgnoreChanges)),
            ("transforms", string.Join("; ", before.Transforms), string.Join("; ", after.Transforms)),
            ("checks", string.Join("; ", before.Checks), string.Join("; ", after.Checks)),
        }.Where(o => o.Item2 != o.Item3).ToImmutableArray();
        return inputs.IsEmpty && options.IsEmpty ? null : new NodeChange(after.Id, inputs, options);
    }
}
