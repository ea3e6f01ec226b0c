using System.Collections.Immutable;

namespace Infra.Model.Planning;

/// <summary>Summary figures of a plan: how many of each kind and type, and how many dependency waves.</summary>
/// <param name="Components">Component resources.</param>
/// <param name="Resources">Provider resources.</param>
/// <param name="DataSources">Look-ups.</param>
/// <param name="Reads">Existing resources read by id.</param>
/// <param name="Waves">Dependency waves: how many rounds the engine needs at the least.</param>
/// <param name="ByType">Node count by type token.</param>
public sealed record PlanSummary(int Components, int Resources, int DataSources, int Reads, int Waves, ImmutableSortedDictionary<string, int> ByType)
{
    /// <summary>The figures of <paramref name="plan"/>.</summary>
    public static PlanSummary Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanSummary(
            plan.Nodes.Count(n => n.Kind == PlanNodeKind.Component),
            plan.Nodes.Count(n => n.Kind == PlanNodeKind.Resource),
            plan.Nodes.Count(n => n.Kind == PlanNodeKind.DataSource),
            plan.Nodes.Count(n => n.Kind == PlanNodeKind.Read),
            plan.WaveCount,
            plan.CountsByType());
    }
}
