using System.Collections.Immutable;
using Infra.Model.Options;

namespace Infra.Model.Teams;

/// <summary>
/// Each team's namespace on the workload cluster, named after the team. The <c>owner</c> annotation is the one
/// Kubeflow's profile controller checks before it adopts an existing namespace for the team's profile.
/// </summary>
public static class TeamNamespaces
{
    /// <summary>The Secret in a team's namespace with the team's object store identity, reaching its prefix of the teams' bucket.</summary>
    public const string StoreSecret = "team-s3";

    /// <summary>The logical name of a team's store Secret.</summary>
    public static string StoreSecretName(string team) => $"{StoreSecret}-{team}";

    /// <summary>The label that marks a team's namespace, with the team's name.</summary>
    public const string TeamLabel = "mlops.platform/team";

    /// <summary>
    /// The standard team namespaces enforce: baseline, as Kubeflow's own profiles/pss overlay sets it (no privileged
    /// pods, host namespaces or added capabilities; Istio's CNI, not an init container, redirects the traffic).
    /// </summary>
    public const string PodSecurityStandard = "baseline";

    /// <summary>
    /// The label that has Istio inject its sidecar into every pod of the namespace. Kubeflow's profile controller
    /// sets it only on a namespace it creates (kubeflow/kubeflow v1.10.0 <c>profile_controller.go</c>), not on the
    /// existing one it adopts, so the platform sets it where the mesh runs: without it the profile's
    /// AuthorizationPolicies and the namespace's mutual TLS would have no sidecar to enforce them.
    /// </summary>
    public static KeyValuePair<string, string> MeshInjection { get; } = KeyValuePair.Create("istio-injection", "enabled");

    /// <summary>The namespaces the platform itself uses, which no team may take: those every technology declares.</summary>
    public static ImmutableHashSet<string> Reserved { get; } = [.. Stacks.Technologies.All.SelectMany(t => t.Namespaces)];

    /// <summary>The teams' namespaces for <paramref name="options"/>, in configuration order.</summary>
    public static ImmutableArray<TeamNamespace> For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static ImmutableArray<TeamNamespace> Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mesh = Stacks.PlatformServices.IsEnabled(options, Kubeflow.KubeflowTechnology.Service);
        return [.. (options.Teams ?? []).Select(t => new TeamNamespace(Validated.Required(t.Name), Validated.Required(t.Owner), mesh))];
    }

    /// <summary>The logical name of a team's namespace resource: <c>team-&lt;name&gt;</c>.</summary>
    public static string ResourceName(TeamNamespace team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return ResourceName(team.Name);
    }

    /// <summary>The logical name of team <paramref name="team"/>'s namespace resource.</summary>
    public static string ResourceName(string team) => $"team-{team}";

    /// <summary>The node id of team <paramref name="team"/>'s namespace.</summary>
    public static string NamespaceId(string team) => Planning.PlanNode.IdOf(Kubernetes.KubernetesTokens.Namespace, ResourceName(team));
}

/// <summary>A team's namespace.</summary>
/// <param name="Name">The namespace, the team's name.</param>
/// <param name="Owner">The owner's e-mail address.</param>
/// <param name="Mesh">Whether the namespace's pods join the service mesh (where Kubeflow, and so Istio, runs).</param>
public sealed record TeamNamespace(string Name, string Owner, bool Mesh)
{
    /// <summary>The namespace's labels.</summary>
    public ImmutableSortedDictionary<string, string> Labels => ImmutableSortedDictionary.CreateRange(
        StringComparer.Ordinal,
        [
            KeyValuePair.Create(TeamNamespaces.TeamLabel, Name),
            KeyValuePair.Create(Kubernetes.PodSecurity.Enforce, TeamNamespaces.PodSecurityStandard),
            .. Mesh ? [TeamNamespaces.MeshInjection] : Array.Empty<KeyValuePair<string, string>>(),
        ]);

    /// <summary>The namespace's annotations.</summary>
    public ImmutableSortedDictionary<string, string> Annotations => ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("owner", Owner)]);
}
