using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Network;
using Infra.Model.Tests.Rendering;
using static Infra.Model.Tests.Network.NetworkReach;

namespace Infra.Model.Tests.Network;

public sealed class NetworkTests
{
    private const string Team = "fraud-detection";
    private const string OtherTeam = "recommendations";
    private const string OutsideAddress = "10.20.30.40";
    private const int AnyOtherPort = 12345;
    private const string Stranger = "someone-else";
    private const string Heading = "### Network isolation";

    private static readonly (string Key, string? Block) OneTeam = ("mlops:teams", "\n    - name: ds\n      owner: ds@example.com");

    private static readonly Lazy<(NetworkReach Reach, NetworkSpec Spec, int[] Ports)> Prod = new(() =>
    {
        var options = TestConfig.StackOptions("prod");
        var spec = NetworkSpec.For(options)!;
        var policies = Rendered.Files("prod").Where(f => f.Key.Contains("/networkpolicy-", StringComparison.Ordinal))
            .Select(f => Upstream.UpstreamSchemas.Yaml(f.Value)!.AsObject()).ToArray();
        var names = spec.PlatformNamespaces.Concat(spec.Teams.Select(t => t.Name)).Append(spec.IngressNamespace).Append(Stranger);
        var namespaces = names.ToDictionary(n => n, n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [NetworkPolicies.NameLabel] = n,
        }, StringComparer.Ordinal);
        foreach (var team in spec.Teams)
        {
            namespaces[team.Name] = team.Labels.Append(KeyValuePair.Create(NetworkPolicies.NameLabel, team.Name)).ToDictionary(StringComparer.Ordinal);
        }

        var ports = policies.SelectMany(p => p.ToJsonString().Split("\"port\":").Skip(1).Select(s => int.Parse(s[..s.IndexOfAny([',', '}'])], System.Globalization.CultureInfo.InvariantCulture)))
            .Append(AnyOtherPort).Distinct().Order().ToArray();
        return (new NetworkReach(policies, namespaces), spec, ports);
    });

    private static string Ports(Endpoint from, Endpoint to)
    {
        var (reach, _, ports) = Prod.Value;
        if (reach.Allows(from, to, AnyOtherPort) && reach.Allows(from, to, AnyOtherPort, "UDP"))
        {
            return "every port";
        }

        var open = ports.SelectMany(p => new[] { (Port: p, Protocol: "UDP"), (Port: p, Protocol: "TCP") }).Where(p => reach.Allows(from, to, p.Port, p.Protocol))
            .Select(p => p.Protocol == "UDP" ? $"{p.Port}/udp" : $"{p.Port}").ToArray();
        return open.Length == 0 ? "none" : string.Join(", ", open);
    }

    private static IEnumerable<(string Row, string Ports)> FromATeam()
    {
        var spec = Prod.Value.Spec;
        var team = Endpoint.Pod(Team);
        yield return ("its own namespace", Ports(team, Endpoint.Pod(Team)));
        yield return ("another team's namespace", Ports(team, Endpoint.Pod(OtherTeam)));
        foreach (var ns in spec.Platform.Select(p => p.Namespace))
        {
            yield return ($"`{ns}`", Ports(team, Endpoint.Pod(ns)));
        }

        yield return ("`kube-system`, the DNS pods", Ports(team, Endpoint.Pod(NetworkSpec.DnsNamespace, (NetworkSpec.DnsPods.Key, NetworkSpec.DnsPods.Value))));
        yield return ("`kube-system`, other pods", Ports(team, Endpoint.Pod(NetworkSpec.DnsNamespace)));
        yield return ($"the ingress controller's namespace (`{spec.IngressNamespace}`)", Ports(team, Endpoint.Pod(spec.IngressNamespace)));
        yield return ("outside the pods' range (the API server, nodes, the rest of the network)", Ports(team, Endpoint.Outside(OutsideAddress)));
    }

    private static IEnumerable<(string Row, string Ports)> IntoATeam()
    {
        var team = Endpoint.Pod(Team);
        yield return ("its own namespace", Ports(Endpoint.Pod(Team), team));
        yield return ("another team's namespace", Ports(Endpoint.Pod(OtherTeam), team));
        foreach (var ns in Prod.Value.Spec.Platform.Select(p => p.Namespace))
        {
            yield return ($"`{ns}`", Ports(Endpoint.Pod(ns), team));
        }

        yield return ("`kube-system`", Ports(Endpoint.Pod(NetworkSpec.DnsNamespace), team));
        yield return ("outside the pods' range", Ports(Endpoint.Outside(OutsideAddress), team));
    }

    [Fact]
    public void Readme_SaysWhatTeamPodsReachAndWhatReachesThem_AsTheRenderedPoliciesAllow()
    {
        var tables = ReadmeTables();

        Assert.Equal(FromATeam().Select(r => $"{r.Row} | {r.Ports}"), tables[0]);
        Assert.Equal(IntoATeam().Select(r => $"{r.Row} | {r.Ports}"), tables[1]);
    }

    [Fact]
    public void PlatformNamespaces_TakeEveryPortFromOneAnotherAndFromOutsideThePods_AndATeamOnlyOnTheirServicePorts()
    {
        var (reach, spec, ports) = Prod.Value;
        foreach (var to in spec.Platform)
        {
            foreach (var from in spec.PlatformNamespaces)
            {
                Assert.True(reach.Allows(Endpoint.Pod(from), Endpoint.Pod(to.Namespace), AnyOtherPort), $"{from} -> {to.Namespace}");
            }

            Assert.True(reach.Allows(Endpoint.Outside(OutsideAddress), Endpoint.Pod(to.Namespace), AnyOtherPort), $"outside -> {to.Namespace}");
            // A pod that is no team's and no platform's (a profile someone registered in the dashboard) reaches nothing.
            Assert.False(ports.Any(p => reach.Allows(Endpoint.Pod(Stranger), Endpoint.Pod(to.Namespace), p)), $"{Stranger} -> {to.Namespace}");
            Assert.Equal([.. to.TeamPorts.Select(p => p.Port).Distinct().Order()], ports.Where(p => reach.Allows(Endpoint.Pod(Team), Endpoint.Pod(to.Namespace), p)).ToArray());
        }
    }

    [Fact]
    public void Prod_HasOnePolicyPerTeamAndPlatformNamespace_EachAfterWhatCreatesItsNamespace()
    {
        var plan = TestConfig.StackPlan("prod");
        var policies = plan.Nodes.Where(n => n.Type == KubernetesTokens.NetworkPolicy).ToArray();

        Assert.Equal(
            ["platform-ingress-auth", "platform-ingress-cert-manager", "platform-ingress-cnpg-system", "platform-ingress-feast", "platform-ingress-feast-operator-system", "platform-ingress-gitlab",
             "platform-ingress-istio-system", "platform-ingress-knative-serving", "platform-ingress-kubeflow", "platform-ingress-minio", "platform-ingress-minio-operator", "platform-ingress-mlflow",
             "platform-ingress-monitoring", "platform-ingress-oauth2-proxy", "platform-ingress-postgres", "platform-ingress-redis", "platform-ingress-spark-jobs", "platform-ingress-spark-operator",
             "platform-ingress-velero", "team-network-fraud-detection", "team-network-recommendations"],
            policies.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["kubernetes:core/v1:Namespace::team-fraud-detection"], plan["kubernetes:networking.k8s.io/v1:NetworkPolicy::team-network-fraud-detection"].DependsOn.ToArray());
        Assert.Equal(["kubernetes:kustomize/v2:Directory::istio-namespace"], plan["kubernetes:networking.k8s.io/v1:NetworkPolicy::platform-ingress-istio-system"].DependsOn.ToArray());
        Assert.Equal(["kubernetes:yaml/v2:ConfigFile::feast-operator"], plan["kubernetes:networking.k8s.io/v1:NetworkPolicy::platform-ingress-feast-operator-system"].DependsOn.ToArray());
        Assert.Equal(["kubernetes:core/v1:Namespace::mlflow"], plan["kubernetes:networking.k8s.io/v1:NetworkPolicy::platform-ingress-mlflow"].DependsOn.ToArray());
        Assert.All(policies, p => Assert.Equal("kubernetes:networking.k8s.io/v1:NetworkPolicy", p.Type));
        Assert.Contains(plan.Nodes, n => n.Type == KubernetesTokens.KustomizeDirectory && n.Name == "networkpolicies"
            && n.Inputs["directory"].ToString() == Model.Kubeflow.KubeflowVersions.Directory("common/networkpolicies/base"));
    }

    [Fact]
    public void EgressBlocksAndTheIngressNamespace_FromConfig_AreWhereTeamPodsMayGo()
    {
        var options = TestConfig.Load(OneTeam, ("mlops:platform", "\n    network:\n      ingressNamespace: ingress-nginx\n      egress:\n        - 10.20.0.0/16\n        - 172.16.4.10/32")).ValidOptions();
        var spec = NetworkSpec.For(options)!;
        var egress = NetworkPolicies.Team(spec, spec.Teams.Single())["spec"]!["egress"]!.AsArray();

        Assert.Equal("""{"to":[{"ipBlock":{"cidr":"10.20.0.0/16"}},{"ipBlock":{"cidr":"172.16.4.10/32"}}]}""", egress[^1]!.ToJsonString());
        Assert.Equal(
            """{"to":[{"namespaceSelector":{"matchExpressions":[{"key":"kubernetes.io/metadata.name","operator":"In","values":["ingress-nginx"]}]}}],"ports":[{"protocol":"TCP","port":80},{"protocol":"TCP","port":443},{"protocol":"TCP","port":8080},{"protocol":"TCP","port":8443}]}""",
            egress[^2]!.ToJsonString());
        Assert.Equal("""{"to":[{"ipBlock":{"cidr":"0.0.0.0/0","except":["192.168.0.0/16"]}}],"ports":[{"protocol":"TCP","port":6443}]}""", egress[2]!.ToJsonString());
    }

    [Fact]
    public void IsolationOff_OrNoPlatform_PlansNoPolicy()
    {
        var off = TestConfig.Load(OneTeam, ("mlops:platform", "\n    network:\n      isolation: false")).ValidOptions();
        var foundation = TestConfig.Load(OneTeam, ("mlops:layers", "foundation")).ValidOptions();

        Assert.Null(NetworkSpec.For(off));
        Assert.Null(NetworkSpec.For(foundation));
        Assert.DoesNotContain(Model.Stacks.StackPlanner.Plan("dev", off).Nodes, n => n.Type == KubernetesTokens.NetworkPolicy || n.Name == "networkpolicies");
        Assert.NotNull(NetworkSpec.For(TestConfig.Load(OneTeam).ValidOptions()));
    }

    [Fact]
    public void BadNetworkSettings_AreRefused_NamingTheKeyTheValueTheRuleAndTheFix()
    {
        Assert.Equal(
            ["MLOPS1601 mlops:platform.network.egress[0] '192.168.10.0/24' overlaps the pods' CIDR 192.168.0.0/16: an egress block names addresses outside the cluster, and the pods' own traffic is named by namespace. Set it with 'pulumi config set --path \"mlops:platform.network.egress[0]\" <cidr>'."],
            Errors("\n    network:\n      egress:\n        - 192.168.10.0/24"));
        Assert.Equal(
            ["MLOPS1602 mlops:platform.network.ingressNamespace 'Ingress_Nginx' is not a namespace name: it must be a lowercase DNS label (a-z, 0-9 and '-', at most 63 characters). Set it with 'pulumi config set --path mlops:platform.network.ingressNamespace <namespace>'."],
            Errors("\n    network:\n      ingressNamespace: Ingress_Nginx"));
        Assert.Equal(
            ["MLOPS1603 mlops:platform.network.ingressNamespace 'istio-system' is a namespace of the platform or of a team, not the ingress controller's: team pods would reach all of it on the ingress ports. Set the controller's own with 'pulumi config set --path mlops:platform.network.ingressNamespace <namespace>'."],
            Errors("\n    network:\n      ingressNamespace: istio-system"));
        Assert.Single(Errors("\n    network:\n      egress:\n        - 10.0.0/8"), e => e.Contains("'10.0.0/8' is not an IPv4 CIDR block", StringComparison.Ordinal));
    }

    private static string[] Errors(string platform) =>
        [.. TestConfig.Load(OneTeam, ("mlops:platform", platform)).Errors.Select(e => e.Text)];

    private static List<string[]> ReadmeTables()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "README.md"));
        var start = Array.IndexOf(lines, Heading);
        Assert.True(start >= 0, $"README has no '{Heading}' section");
        var tables = new List<string[]>();
        var rows = new List<string>();
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal) && !l.StartsWith("### ", StringComparison.Ordinal)))
        {
            if (line.StartsWith('|'))
            {
                rows.Add(string.Join(" | ", line.Trim('|').Split('|').Select(c => c.Trim())));
            }
            else if (rows.Count > 0)
            {
                tables.Add([.. rows.Skip(2)]);
                rows.Clear();
            }
        }

        return tables;
    }
}
