using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Network.NetworkErrors))]

namespace Infra.Model.Network;

/// <summary>The rules of the network between the teams and the platform.</summary>
public static class NetworkErrors
{
    /// <summary>An egress block inside the pods' own range.</summary>
    public static readonly ErrorCode EgressInsidePods = new("MLOPS1601", "mlops:platform.network.egress[]", "An egress block is outside the cluster: it does not overlap the pods' CIDR, whose traffic the policies already name.");

    /// <summary>An ingress controller's namespace that is no namespace name.</summary>
    public static readonly ErrorCode IngressNamespace = new("MLOPS1602", "mlops:platform.network.ingressNamespace", "The ingress controller's namespace is a DNS label.");

    /// <summary>An ingress controller's namespace that is one of the platform's or a team's.</summary>
    public static readonly ErrorCode IngressNamespaceTaken = new("MLOPS1603", "mlops:platform.network.ingressNamespace", "The ingress controller runs in a namespace of its own, neither the platform's nor a team's.");
}
