namespace Infra.Model.Options;

/// <summary>
/// The network between the teams and the platform (<c>mlops:platform.network</c>): each team namespace reaches
/// its own pods, the platform's services on their ports and the cluster's DNS and API server, and nothing else;
/// the platform's namespaces take team traffic only on those ports.
/// </summary>
public sealed record NetworkOptions
{
    /// <summary>Whether the NetworkPolicies isolate the team namespaces and the platform's. Default: true.</summary>
    public bool? Isolation { get; init; }

    /// <summary>
    /// The namespace of the cluster's ingress controller (e.g. <c>tanzu-system-ingress</c> for Contour), which
    /// team pods reach on its HTTP and HTTPS ports: the services' public names lead there. Required with
    /// isolation and <c>mlops:platform.ingress.domain</c>.
    /// </summary>
    public string? IngressNamespace { get; init; }

    /// <summary>Address blocks outside the cluster (package mirrors, the company's Git, data sources) team pods may reach on every port. Default: none.</summary>
    public IReadOnlyList<string>? Egress { get; init; }
}
