using System.Collections.Immutable;
using Infra.Model.Options;
using Infra.Model.Teams;

namespace Infra.Model.Network;

/// <summary>
/// The network between the teams and the platform: one policy per team namespace (its own pods, the platform's
/// services on their ports, DNS, the API server, the ingress controller and the configured blocks outside) and
/// one per platform namespace (every platform namespace and everything outside the pods' range, and team
/// namespaces on the ports listed only). Kubeflow's namespace keeps the release's own policies beside its own.
/// </summary>
/// <param name="PodCidr">The pods' range: what is outside it is a node, the API server or outside the cluster.</param>
/// <param name="Teams">The team namespaces.</param>
/// <param name="Platform">The platform's namespaces, in the technologies' order.</param>
/// <param name="IngressNamespace">The ingress controller's namespace.</param>
/// <param name="Egress">The blocks outside the cluster team pods reach on every port.</param>
public sealed record NetworkSpec(string PodCidr, ImmutableArray<TeamNamespace> Teams, ImmutableArray<NamespaceAccess> Platform, string IngressNamespace, ImmutableArray<string> Egress)
{
    /// <summary>The ingress controller's namespace where none is set: the Tanzu Contour package's.</summary>
    public const string DefaultIngressNamespace = "tanzu-system-ingress";

    /// <summary>The namespace of the cluster's DNS, which every pod reaches on port 53.</summary>
    public const string DnsNamespace = "kube-system";

    /// <summary>The label of the cluster's DNS pods (CoreDNS keeps kube-dns's).</summary>
    public static readonly KeyValuePair<string, string> DnsPods = KeyValuePair.Create("k8s-app", "kube-dns");

    /// <summary>The port the API server listens on behind the <c>kubernetes</c> Service.</summary>
    public const int ApiServerPort = 6443;

    /// <summary>The ports of the ingress controller team pods reach: HTTP and HTTPS, as Contour's Envoy (8080, 8443) or NGINX (80, 443) listen.</summary>
    public static readonly ImmutableArray<int> IngressPorts = [80, 443, 8080, 8443];

    /// <summary>The policy of each team namespace.</summary>
    public const string TeamPolicy = "team-network";

    /// <summary>The policy of each platform namespace.</summary>
    public const string PlatformPolicy = "platform-ingress";

    /// <summary>The namespaces every platform namespace takes traffic from on every port: the platform's and the cluster's own.</summary>
    public ImmutableArray<string> PlatformNamespaces => [.. Platform.Select(p => p.Namespace).Append(DnsNamespace).Distinct(StringComparer.Ordinal)];

    /// <summary>The spec for valid <paramref name="options"/>, or null where the platform is not deployed or isolation is off.</summary>
    public static NetworkSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static NetworkSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var network = options.Platform?.Network;
        if (!options.RunsOnWorkloadCluster || network?.Isolation == false)
        {
            return null;
        }

        return new NetworkSpec(
            options.Tanzu?.PodCidr ?? Tanzu.TanzuSpec.DefaultPodCidr,
            TeamNamespaces.For(options),
            [.. Stacks.Technologies.All.SelectMany(t => t.NetworkAccess(options))],
            network?.IngressNamespace ?? DefaultIngressNamespace,
            [.. network?.Egress ?? []]);
    }

    /// <summary>The logical name of a team namespace's policy.</summary>
    public static string TeamPolicyName(string team) => $"{TeamPolicy}-{team}";

    /// <summary>The logical name of a platform namespace's policy.</summary>
    public static string PlatformPolicyName(string ns) => $"{PlatformPolicy}-{ns}";
}
