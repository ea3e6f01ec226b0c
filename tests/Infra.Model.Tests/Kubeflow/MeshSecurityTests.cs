using System.Text.Json.Nodes;
using Infra.Model.Kubeflow;
using Infra.Model.Planning;
using Infra.Model.Teams;
using Infra.Model.Tests.Rendering;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Kubeflow;

/// <summary>Team namespaces in the mesh: their pods get Istio's sidecar, and their sidecars take mutual TLS only.</summary>
public sealed class MeshSecurityTests
{
    [Fact]
    public void Plan_Prod_PutsEachTeamNamespaceInTheMeshWithStrictMutualTls()
    {
        var plan = TestConfig.StackPlan("prod");

        foreach (var team in new[] { "fraud-detection", "recommendations" })
        {
            var policy = plan[$"kubernetes:security.istio.io/v1:PeerAuthentication::strict-mtls-{team}"];
            Assert.Equal($"{{name: strict-mtls, namespace: {team}}}", policy.Inputs["metadata"].ToString());
            Assert.Equal("{mtls: {mode: STRICT}}", policy.Inputs["spec"].ToString());
            Assert.Equal([TeamNamespaces.NamespaceId(team), KubeflowPlanner.UnitId("istio")], policy.DependsOn.ToArray());
            var labels = ((PlanValue.MapValue)((PlanValue.MapValue)plan[TeamNamespaces.NamespaceId(team)].Inputs["metadata"]).Entries["labels"]).Entries;
            Assert.Equal(PlanValue.Of("enabled"), labels["istio-injection"]);
        }

        // Only team namespaces are strict: the platform's stay as permissive as the release leaves them.
        Assert.Equal(2, plan.Nodes.Count(n => n.Type == "kubernetes:security.istio.io/v1:PeerAuthentication" && n.Name.StartsWith("strict-mtls-", StringComparison.Ordinal)));
    }

    [Fact]
    public void TeamNamespace_OutsideTheMesh_HasNoInjectionLabel()
    {
        Assert.Equal(
            ["mlops.platform/team", "pod-security.kubernetes.io/enforce"],
            new TeamNamespace("payments", "lead@example.com", Mesh: false).Labels.Keys);
        Assert.Equal(
            ["istio-injection", "mlops.platform/team", "pod-security.kubernetes.io/enforce"],
            new TeamNamespace("payments", "lead@example.com", Mesh: true).Labels.Keys);
    }

    [KubeflowCrdFact]
    public void RenderedIstioPolicies_ValidateAgainstThePinnedReleasesIstioCrds()
    {
        var crds = UpstreamSchemas.Documents(File.ReadAllText(Path.Combine(KubeflowReleaseFactAttribute.Release!, "common", "istio", "istio-crds", "base", "crd.yaml")))
            .OfType<JsonObject>()
            .Where(d => (string?)d["kind"] == "CustomResourceDefinition")
            .ToDictionary(d => (string)d["spec"]!["names"]!["kind"]!, StringComparer.Ordinal);
        var checkedKinds = new SortedSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();

        foreach (var stack in new[] { "prod", "prod-teams" })
        {
            foreach (var (path, content) in Rendered.Files(stack).Where(f => f.Value.Contains("apiVersion: security.istio.io/", StringComparison.Ordinal)))
            {
                var manifest = UpstreamSchemas.Yaml(content)!;
                var kind = (string)manifest["kind"]!;
                var version = ((string)manifest["apiVersion"]!).Split('/')[1];
                checkedKinds.Add($"{version}/{kind}");
                errors.AddRange(UpstreamSchemas.Errors(UpstreamSchemas.Crd(crds[kind], version), manifest).Select(e => $"{stack}/{path}{e}"));
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(["v1/AuthorizationPolicy", "v1/PeerAuthentication", "v1/RequestAuthentication", "v1beta1/AuthorizationPolicy"], checkedKinds);
    }
}

/// <summary>Skips a fact where no local copy of the pinned Kubeflow release names its Istio CRDs.</summary>
public sealed class KubeflowCrdFactAttribute : FactAttribute
{
    /// <summary>Skips the fact where the release is not here.</summary>
    public KubeflowCrdFactAttribute()
    {
        if (KubeflowReleaseFactAttribute.Release is null)
        {
            Skip = $"the Istio policies are checked against the Istio CRDs of a local copy of kubeflow/manifests {KubeflowVersions.Release}: set {KubeflowReleaseFactAttribute.Variable} to its folder";
        }
    }
}
