using System.Text.RegularExpressions;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Teams;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Stacks;

/// <summary>
/// The plan nodes of a teams stack (<c>infra:stacks:Teams</c>): the platform stack's reference, the workload
/// cluster's provider from its kubeconfig (checked first to be the platform this stack plans for), a component per
/// team with the team's tenancy under it, and what the stack's set of teams shares (MinIO's and MLflow's users jobs
/// with their Secrets). Every node depends only on this stack's teams, so a team costs the same whatever other stacks hold.
/// </summary>
public static partial class TeamsPlanner
{
    /// <summary>A team's component type.</summary>
    public const string TeamType = "infra:teams:Team";

    /// <summary>The teams stack's nodes for valid <paramref name="options"/> of a teams stack named <paramref name="stack"/>.</summary>
    public static IEnumerable<PlanNode> Nodes(string stack, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var component = Component(StackTokens.Teams, StackTokens.TeamsName, null);
        yield return component;
        var platformStack = Validated.Required(options.PlatformStack);
        var (reference, cluster) = PlatformPlanner.ClusterOf(platformStack, component.Id);
        yield return reference;
        var provider = cluster with { Checks = [new PlanCheck.TenancyMatches(reference.Id, platformStack, Tenancy.Of(options))] };
        yield return provider;

        var teams = TeamNamespaces.For(options);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            var teamComponent = Component(TeamType, team.Name, component.Id);
            parents[team.Name] = teamComponent.Id;
            yield return teamComponent;
        }

        var namespaces = teams.ToDictionary(t => t.Name, t => TeamNamespaces.NamespaceId(t.Name), StringComparer.Ordinal);
        var target = new TeamsTarget(provider.Id, component.Id, Label(stack), parents, namespaces);
        var planned = Technologies.All.SelectMany(t => t.TeamNodes(options, target)).ToList();

        // What the teams wait for on the platform (its operators, its namespaces' units) the platform stack holds,
        // deployed before any teams stack: those dependencies are met there, not here.
        var ids = new HashSet<string>([component.Id, reference.Id, provider.Id, .. parents.Values, .. planned.Select(n => n.Id)], StringComparer.Ordinal);
        foreach (var node in planned)
        {
            yield return node.DependsOn.All(ids.Contains) ? node : node with { DependsOn = [.. node.DependsOn.Where(ids.Contains)] };
        }
    }

    /// <summary>
    /// The stack's name as a DNS label, which names what its set of teams shares: lowercase, each run of other
    /// characters a '-', at most 40 characters.
    /// </summary>
    public static string Label(string stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var label = NotLabel().Replace(stack.ToLowerInvariant(), "-").Trim('-');
        label = label.Length > 40 ? label[..40].TrimEnd('-') : label;
        return label.Length == 0 ? "teams" : label;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotLabel();
}
