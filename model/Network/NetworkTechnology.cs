using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Network.NetworkTechnology))]

namespace Infra.Model.Network;

/// <summary>The network policies between the teams and the platform, from what every other technology declares of its namespaces.</summary>
public sealed class NetworkTechnology : Technology
{
    /// <summary>This project's network isolation component.</summary>
    public const string ComponentType = "infra:ml:NetworkIsolation";

    /// <summary>The component's logical name.</summary>
    public const string Name = "network";

    /// <inheritdoc />
    public override int Order => 210;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var network = options.Platform?.Network;
        if (network is null)
        {
            return;
        }

        var pods = Ipv4.ParseCidr(options.Tanzu?.PodCidr) ?? Ipv4.ParseCidr(Tanzu.TanzuSpec.DefaultPodCidr)!.Value;
        var egress = network.Egress ?? [];
        for (var i = 0; i < egress.Count; i++)
        {
            var path = $"mlops:platform:network:egress:{i}";
            if (errors.Cidr(path, egress[i], "10.20.0.0/16") is { } block && ValueRules.SameSubnet(block.Address, pods.Address, Math.Min(block.Prefix, pods.Prefix)))
            {
                errors.Fail(NetworkErrors.EgressInsidePods, path, $"'{egress[i]}' overlaps the pods' CIDR {Ipv4.Format(pods.Address)}/{pods.Prefix}: an egress block names addresses outside the cluster, and the pods' own traffic is named by namespace. Set it with 'pulumi config set --path \"mlops:platform.network.egress[{i}]\" <cidr>'.");
            }
        }

        if (network.IngressNamespace is { Length: > 0 } ns)
        {
            if (!ValueRules.IsDnsLabel(ns))
            {
                errors.Fail(NetworkErrors.IngressNamespace, "mlops:platform:network:ingressNamespace", $"'{ns}' is not a namespace name: it must be a lowercase DNS label (a-z, 0-9 and '-', at most 63 characters). Set it with 'pulumi config set --path mlops:platform.network.ingressNamespace <namespace>'.");
            }
            else if (Teams.TeamNamespaces.Reserved.Contains(ns) || (options.Teams ?? []).Any(t => t.Name == ns))
            {
                errors.Fail(NetworkErrors.IngressNamespaceTaken, "mlops:platform:network:ingressNamespace", $"'{ns}' is a namespace of the platform or of a team, not the ingress controller's: team pods would reach all of it on the ingress ports. Set the controller's own with 'pulumi config set --path mlops:platform.network.ingressNamespace <namespace>'.");
            }
        }
    }

    /// <inheritdoc />
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (NetworkSpec.For(options) is not { } spec)
        {
            return [];
        }

        var component = PlanNodes.Component(ComponentType, Name, target.Parent);
        var teams = spec.Teams.Select(t => TeamPolicy(spec, t, component.Id, target.ProviderId));
        var platform = spec.Platform.Select(p => KubernetesNodes.Workload(KubernetesTokens.NetworkPolicy, NetworkPolicies.Platform(spec, p), component.Id, target.ProviderId, NetworkSpec.PlatformPolicyName(p.Namespace))
            with { DependsOn = [p.CreatedBy] });
        return [component, .. teams, .. platform];
    }

    /// <inheritdoc />
    public override IEnumerable<PlanNode> TeamNodes(PlatformOptions options, TeamsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return NetworkSpec.For(options) is { } spec
            ? spec.Teams.Select(t => TeamPolicy(spec, t, target.TeamParents[t.Name], target.ProviderId))
            : [];
    }

    // A team's own policy: its namespace's pods reach their own, the platform's service ports and the ingress.
    private static PlanNode TeamPolicy(NetworkSpec spec, Teams.TeamNamespace team, string parent, string providerId) =>
        KubernetesNodes.Workload(KubernetesTokens.NetworkPolicy, NetworkPolicies.Team(spec, team), parent, providerId, NetworkSpec.TeamPolicyName(team.Name))
            with { DependsOn = [Teams.TeamNamespaces.NamespaceId(team.Name)] };
}
