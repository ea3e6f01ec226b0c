using System.Collections.Immutable;

namespace Infra.Model.Network;

/// <summary>
/// A platform namespace as the network policies see it: the node that creates it (its policy waits for it), the
/// ports team namespaces reach there and whether its workloads open connections to team pods.
/// </summary>
/// <param name="Namespace">The namespace.</param>
/// <param name="CreatedBy">The id of the plan node that creates it.</param>
public sealed record NamespaceAccess(string Namespace, string CreatedBy)
{
    /// <summary>The ports team pods reach in it: its services' pods' own ports, which a policy names after a Service's translation.</summary>
    public ImmutableArray<TeamPort> TeamPorts { get; init; } = [];

    /// <summary>Whether its workloads connect to team pods (gateways, the serving activator, Kubeflow's controllers, Prometheus).</summary>
    public bool ReachesTeams { get; init; }

    /// <summary>A namespace no team reaches, created by <paramref name="createdBy"/>.</summary>
    public static NamespaceAccess Closed(string ns, string createdBy) => new(ns, createdBy);

    /// <summary>A namespace team pods reach on <paramref name="ports"/>, created by <paramref name="createdBy"/>.</summary>
    public static NamespaceAccess Serving(string ns, string createdBy, params TeamPort[] ports) => new(ns, createdBy) { TeamPorts = [.. ports] };
}

/// <summary>A port team pods reach in a platform namespace.</summary>
/// <param name="Port">The pod's port.</param>
/// <param name="Serves">What listens there, for the README's table.</param>
/// <param name="Protocol">TCP or UDP.</param>
public sealed record TeamPort(int Port, string Serves, string Protocol = "TCP");
