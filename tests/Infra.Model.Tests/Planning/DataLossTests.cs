using Infra.Model.Kubeflow;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;

namespace Infra.Model.Tests.Planning;

public sealed class DataLossTests
{
    private static Plan Prod() => TestConfig.StackPlan("prod");

    private static Plan With(Plan plan, string id, Func<PlanNode, PlanNode> change) =>
        new(plan.Stack, plan.Nodes.Select(n => n.Id == id ? change(n) : n));

    private static Plan Without(Plan plan, params string[] ids) =>
        new(plan.Stack, plan.Nodes.Where(n => !ids.Contains(n.Id)).Select(n => n with { DependsOn = [.. n.DependsOn.Where(d => !ids.Contains(d))] }));

    [Fact]
    public void ThePipelinesStoreChangeOfThePast_IsDataLoss()
    {
        // Before the platform's overlay, the Pipelines unit was the release's own kustomization, with its MySQL and MinIO volumes.
        var after = Prod();
        var unit = KubeflowPlanner.UnitId("pipelines");
        var release = KubeflowVersions.Directory("applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user");
        var before = With(after, unit, n => n with { Inputs = n.Inputs.SetItem("directory", PlanValue.Of(release)) });

        var loss = Assert.Single(PlanDiff.Of(before, after).DataLoss);

        Assert.Equal(
            new DataLoss(
                unit,
                "the release's Pipelines MySQL and MinIO volumes (mysql-pv-claim, minio-pvc): every run, pipeline and artifact in them",
                $"its source changes ({release} -> kubeflow/pipelines): the objects the old source created and the new one does not are deleted"),
            loss);
        // The other way, from the overlay to the release, loses nothing the plan knows of.
        Assert.Empty(PlanDiff.Of(after, before).DataLoss);
    }

    [Fact]
    public void RemovingTheDatabaseCluster_IsDataLoss_AndSoIsItsNamespace()
    {
        var before = Prod();
        var cluster = PlanNode.IdOf(DataLoss.PostgresClusterType, "mlops-postgres");
        var after = Without(before, cluster, PlanNode.IdOf(KubernetesTokens.Namespace, "postgres"));

        var losses = PlanDiff.Of(before, after).DataLoss;

        Assert.Equal(
            [
                new DataLoss(PlanNode.IdOf(KubernetesTokens.Namespace, "postgres"), "the namespace postgres, with a PostgreSQL cluster: every service's database in it", "it is removed from the plan, so pulumi up deletes it"),
                new DataLoss(cluster, "a PostgreSQL cluster: every service's database in it", "it is removed from the plan, so pulumi up deletes it"),
            ],
            losses.OrderBy(l => l.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void MovingAStatefulReleaseToAnotherParent_ReplacesIt()
    {
        var before = Prod();
        var tenant = PlanNode.IdOf(KubernetesTokens.HelmRelease, "minio-tenant");
        var platform = before.Nodes.Single(n => n.Type == "infra:stacks:Platform").Id;
        var after = With(before, tenant, n => n with { Parent = platform });

        var loss = Assert.Single(PlanDiff.Of(before, after).DataLoss);

        Assert.Equal("MinIO's servers and their volumes: every bucket", loss.Holds);
        Assert.Equal($"its parent changes ({before[tenant].Parent} -> {platform}), which changes its URN: pulumi up deletes it and creates a new one", loss.Why);
    }

    [Fact]
    public void RemovingATeam_LosesItsNamespace_AndAProtectedResourceIsNamed()
    {
        var settings = PlanNode.IdOf(KubernetesTokens.ConfigMap, PipelinesStores.StoresConfigMap);
        var before = With(Prod(), settings, n => n with { Protect = true });
        var team = PlanNode.IdOf(KubernetesTokens.Namespace, "team-recommendations");

        var losses = PlanDiff.Of(before, Without(before, team, settings)).DataLoss;

        Assert.Contains(new DataLoss(team, "the team namespace recommendations: its notebooks' volumes", "it is removed from the plan, so pulumi up deletes it"), losses);
        Assert.Contains(new DataLoss(settings, "a protected resource", "it is removed from the plan: pulumi up refuses until its protection is lifted, and then deletes it"), losses);
    }

    [Fact]
    public void UpdatesInPlace_AreNotDataLoss()
    {
        // More instances of the database cluster, other values for MinIO's release, a changed dependency: updates in place.
        var before = Prod();
        var cluster = PlanNode.IdOf(DataLoss.PostgresClusterType, "mlops-postgres");
        var tenant = PlanNode.IdOf(KubernetesTokens.HelmRelease, "minio-tenant");
        var after = With(
            With(before, cluster, n => n with { Inputs = n.Inputs.SetItem("spec", PlanValue.Map([KeyValuePair.Create("instances", PlanValue.Of(5))])), DependsOn = n.DependsOn.RemoveAt(0) }),
            tenant,
            n => n with { Inputs = n.Inputs.SetItem("values", PlanValue.Map([])) });
        var diff = PlanDiff.Of(before, after);

        Assert.Equal([tenant, cluster], diff.Changed.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Empty(diff.DataLoss);
        Assert.DoesNotContain("DATA LOSS", PlanDiffRenderer.Text(diff, "a", "b"), StringComparison.Ordinal);
    }

    [Fact]
    public void Renderers_PutTheDataLossFirst()
    {
        var before = Prod();
        var cluster = PlanNode.IdOf(DataLoss.PostgresClusterType, "mlops-postgres");
        var diff = PlanDiff.Of(before, Without(before, cluster));

        var lines = PlanDiffRenderer.Text(diff, "main", "working tree").Split('\n');
        Assert.Equal(
            [
                "DATA LOSS: 1 change would delete or replace data, and pulumi up would carry it out like any other:",
                "! kubernetes:postgresql.cnpg.io/v1:Cluster::mlops-postgres holds a PostgreSQL cluster: every service's database in it: it is removed from the plan, so pulumi up deletes it.",
                "- kubernetes:postgresql.cnpg.io/v1:Cluster::mlops-postgres",
            ],
            lines[1..4]);
        var json = System.Text.Json.Nodes.JsonNode.Parse(PlanDiffRenderer.Json(diff, "main", "working tree"))!;
        Assert.Equal(1, (int)json["summary"]!["dataLoss"]!);
        Assert.Equal("""[{"id":"kubernetes:postgresql.cnpg.io/v1:Cluster::mlops-postgres","holds":"a PostgreSQL cluster: every service\u0027s database in it","why":"it is removed from the plan, so pulumi up deletes it"}]""", json["dataLoss"]!.ToJsonString());
        // The comment keeps the warning however short it must be.
        var comment = PlanDiffRenderer.Markdown(diff, "main", "working tree", maxLength: 1200);
        Assert.Contains("> [!CAUTION]\n> **Data loss:** 1 change would delete or replace data. Merge only on purpose, with the data saved first.\n>\n> - `mlops-postgres` (`kubernetes:postgresql.cnpg.io/v1:Cluster`) holds a PostgreSQL cluster: every service's database in it: it is removed from the plan, so pulumi up deletes it.\n", comment, StringComparison.Ordinal);
    }
}
