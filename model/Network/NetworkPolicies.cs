using System.Text.Json.Nodes;
using Infra.Model.Teams;

namespace Infra.Model.Network;

/// <summary>The NetworkPolicy manifests of <see cref="NetworkSpec"/>.</summary>
public static class NetworkPolicies
{
    /// <summary>The label Kubernetes puts on every namespace with its name.</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

    /// <summary>
    /// A team namespace's policy: its pods take traffic from one another and from the platform namespaces that
    /// reach teams, and open connections to one another, the cluster's DNS, the API server, the platform's
    /// services on their ports, the ingress controller and the blocks outside that are configured; nothing else.
    /// </summary>
    public static JsonObject Team(NetworkSpec spec, TeamNamespace team)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(team);
        var reachers = spec.Platform.Where(p => p.ReachesTeams).Select(p => p.Namespace).ToArray();
        var ingress = new JsonArray(Rule("from", [SamePods()]));
        if (reachers.Length > 0)
        {
            ingress.Add((JsonNode)Rule("from", [Namespaces(reachers)]));
        }

        JsonNode[] egressRules =
        [
            Rule("to", [SamePods()]),
            Rule("to", [new JsonObject
            {
                ["namespaceSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [NameLabel] = NetworkSpec.DnsNamespace } },
                ["podSelector"] = new JsonObject { ["matchLabels"] = new JsonObject { [NetworkSpec.DnsPods.Key] = NetworkSpec.DnsPods.Value } },
            }], Ports([new TeamPort(53, "DNS", "UDP"), new TeamPort(53, "DNS")])),
            Rule("to", [OutsidePods(spec)], Ports([new TeamPort(NetworkSpec.ApiServerPort, "the API server")])),
            .. spec.Platform.Where(p => p.TeamPorts.Length > 0).Select(p => Rule("to", [Namespaces([p.Namespace])], Ports(p.TeamPorts))),
            Rule("to", [Namespaces([spec.IngressNamespace])], Ports(NetworkSpec.IngressPorts.Select(p => new TeamPort(p, "the ingress controller")))),
        ];
        var egress = new JsonArray(egressRules);
        if (spec.Egress.Length > 0)
        {
            egress.Add((JsonNode)Rule("to", [.. spec.Egress.Select(b => (JsonNode)new JsonObject { ["ipBlock"] = new JsonObject { ["cidr"] = b } })]));
        }

        return Policy(NetworkSpec.TeamPolicy, team.Name, ["Ingress", "Egress"], ingress, egress);
    }

    /// <summary>
    /// A platform namespace's policy: its pods take traffic on every port from the platform's namespaces and from
    /// outside the pods' range (the API server's webhook calls, the nodes' probes, load balancers), and from team
    /// namespaces only on the ports <paramref name="access"/> lists. What it connects to is not restricted.
    /// </summary>
    public static JsonObject Platform(NetworkSpec spec, NamespaceAccess access)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(access);
        var ingress = new JsonArray(Rule("from", [Namespaces(spec.PlatformNamespaces)]), Rule("from", [OutsidePods(spec)]));
        if (access.TeamPorts.Length > 0)
        {
            ingress.Add((JsonNode)Rule("from", [new JsonObject
            {
                ["namespaceSelector"] = new JsonObject
                {
                    ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = TeamNamespaces.TeamLabel, ["operator"] = "Exists" }),
                },
            }], Ports(access.TeamPorts)));
        }

        return Policy(NetworkSpec.PlatformPolicy, access.Namespace, ["Ingress"], ingress, null);
    }

    private static JsonObject Policy(string name, string ns, string[] types, JsonArray ingress, JsonArray? egress)
    {
        var spec = new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = new JsonArray([.. types.Select(t => (JsonNode)t)]),
            ["ingress"] = ingress,
        };
        if (egress is not null)
        {
            spec["egress"] = egress;
        }

        return new JsonObject
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = spec,
        };
    }

    private static JsonObject Rule(string direction, JsonNode[] peers, JsonArray? ports = null)
    {
        var rule = new JsonObject { [direction] = new JsonArray(peers) };
        if (ports is not null)
        {
            rule["ports"] = ports;
        }

        return rule;
    }

    private static JsonObject SamePods() => new() { ["podSelector"] = new JsonObject() };

    private static JsonObject OutsidePods(NetworkSpec spec) =>
        new() { ["ipBlock"] = new JsonObject { ["cidr"] = "0.0.0.0/0", ["except"] = new JsonArray(spec.PodCidr) } };

    private static JsonObject Namespaces(IEnumerable<string> names) => new()
    {
        ["namespaceSelector"] = new JsonObject
        {
            ["matchExpressions"] = new JsonArray(new JsonObject
            {
                ["key"] = NameLabel,
                ["operator"] = "In",
                ["values"] = new JsonArray([.. names.Select(n => (JsonNode)n)]),
            }),
        },
    };

    private static JsonArray Ports(IEnumerable<TeamPort> ports) =>
        new([.. ports.DistinctBy(p => (p.Port, p.Protocol)).Select(p => (JsonNode)new JsonObject { ["protocol"] = p.Protocol, ["port"] = p.Port })]);
}
