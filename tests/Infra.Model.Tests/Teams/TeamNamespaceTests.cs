using Infra.Model.Kubeflow;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;

namespace Infra.Model.Tests.Teams;

public sealed class TeamNamespaceTests
{
    [Fact]
    public void TeamNamespaces_EnforceTheBaselinePodSecurityStandard_AsTheProfilesOverlayLabelsThem()
    {
        var plan = TestConfig.StackPlan("prod");
        var namespaces = plan.Nodes.Where(n => n.Type == KubernetesTokens.Namespace && n.Name.StartsWith("team-", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["team-fraud-detection", "team-recommendations"], namespaces.Select(n => n.Name));
        Assert.All(namespaces, n => Assert.Contains("pod-security.kubernetes.io/enforce: baseline", n.Inputs["metadata"].ToString(), StringComparison.Ordinal));
        // Every namespace the plan creates sets a standard (the platform's are held to the README by PodSecurityTests).
        Assert.Equal(
            plan.Nodes.Where(n => n.Type == KubernetesTokens.Namespace).Select(n => n.Name),
            plan.Nodes.Where(n => n.Type == KubernetesTokens.Namespace)
                .Select(n => (n.Name, Level: ((PlanValue.MapValue)n.Inputs["metadata"]).Entries.GetValueOrDefault("labels") is PlanValue.MapValue labels
                    && labels.Entries.GetValueOrDefault("pod-security.kubernetes.io/enforce") is PlanValue.Literal { Value: string level } ? level : null))
                .Where(n => n.Level is not null)
                .Select(n => n.Name));
        // The profile controller labels each profile's namespace the same way: the release's profiles/pss overlay.
        Assert.Equal(
            PlanValue.Of(KubeflowVersions.Directory("applications/profiles/pss")),
            plan[KubeflowPlanner.UnitId("profiles")].Inputs["directory"]);
    }
}
