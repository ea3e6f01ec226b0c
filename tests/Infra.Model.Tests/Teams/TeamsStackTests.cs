using System.Collections;
using System.Collections.Immutable;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Teams;

namespace Infra.Model.Tests.Teams;

/// <summary>A teams stack: only its teams' tenancy, on the platform stack it names, each team at a constant cost.</summary>
public sealed class TeamsStackTests
{
    private const string Reference = "pulumi:pulumi:StackReference::acme/mlops/prod";

    [Fact]
    public void Plan_TeamsStack_HoldsEachTeamsTenancyUnderItsComponentAndNothingOfThePlatform()
    {
        var plan = TestConfig.StackPlan("prod-teams");

        Assert.Equal(
            [
                "kubernetes:apps/v1:Deployment::inference-logger-payments",
                "kubernetes:batch/v1:CronJob::inference-log-retention-payments",
                "kubernetes:core/v1:ConfigMap::artifact-repositories-payments",
                "kubernetes:core/v1:ConfigMap::inference-logger-payments",
                "kubernetes:core/v1:ConfigMap::kfp-launcher-payments",
                "kubernetes:core/v1:ConfigMap::serving-defaults-payments",
                "kubernetes:core/v1:ConfigMap::spark-defaults-payments",
                "kubernetes:core/v1:Namespace::team-payments",
                "kubernetes:core/v1:Secret::kfp-logs-payments",
                "kubernetes:core/v1:Secret::kfp-logs-payments-kubeflow",
                "kubernetes:core/v1:Secret::models-s3-payments",
                "kubernetes:core/v1:Secret::spark-s3-payments",
                "kubernetes:core/v1:Secret::team-mlflow-payments",
                "kubernetes:core/v1:Secret::team-s3-payments",
                "kubernetes:core/v1:Service::inference-logger-payments",
                "kubernetes:core/v1:ServiceAccount::models-payments",
                "kubernetes:core/v1:ServiceAccount::pipelines-ci-payments",
                "kubernetes:core/v1:ServiceAccount::spark-serviceaccount-payments",
                "kubernetes:kubeflow.org/v1:Profile::payments",
                "kubernetes:kubeflow.org/v1alpha1:PodDefault::access-ml-pipeline-payments",
                "kubernetes:kubeflow.org/v1alpha1:PodDefault::mlops-services-payments",
                "kubernetes:networking.k8s.io/v1:Ingress::models-payments",
                "kubernetes:networking.k8s.io/v1:NetworkPolicy::team-network-payments",
                "kubernetes:rbac.authorization.k8s.io/v1:Role::pipelines-ci-serving-defaults-payments",
                "kubernetes:rbac.authorization.k8s.io/v1:Role::spark-role-payments",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::pipelines-ci-models-payments",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::pipelines-ci-payments",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::pipelines-ci-serving-defaults-payments",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::spark-rolebinding-payments",
                "kubernetes:security.istio.io/v1:AuthorizationPolicy::models-payments",
                "kubernetes:security.istio.io/v1:PeerAuthentication::models-metrics-payments",
                "kubernetes:security.istio.io/v1:PeerAuthentication::strict-mtls-payments",
                "kubernetes:security.istio.io/v1:RequestAuthentication::models-payments",
                "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime::llm-gpu-payments",
                "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime::mlflow-payments",
                "random:index/randomPassword:RandomPassword::mlflow-team-payments-password",
                "random:index/randomPassword:RandomPassword::team-payments-minio-password",
            ],
            plan.Nodes.Where(n => n.Parent == "infra:teams:Team::payments").Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                "infra:teams:Team::payments",
                "infra:teams:Team::search",
                Reference,
                "pulumi:providers:kubernetes::workload-cluster",
                "kubernetes:core/v1:ConfigMap::minio-teams-prod-teams",
                "kubernetes:core/v1:Secret::minio-teams-prod-teams",
                "kubernetes:core/v1:Secret::mlflow-team-users-prod-teams",
                "kubernetes:batch/v1:Job::minio-teams-527f02e9ac",
                "kubernetes:batch/v1:Job::mlflow-team-users-f06be6b6ff",
            ],
            plan.Nodes.Where(n => n.Parent == "infra:stacks:Teams::teams").Select(n => n.Id));
        Assert.Equal([StackTokens.Teams], plan.Nodes.Where(n => n.Parent is null).Select(n => n.Type));
        Assert.Equal(PlanValue.StackOutput(Reference, "kubeconfig"), plan["pulumi:providers:kubernetes::workload-cluster"].Inputs["kubeconfig"]);
        Assert.All(plan.Nodes.Where(n => n.Type.StartsWith("kubernetes:", StringComparison.Ordinal)), n => Assert.Equal("pulumi:providers:kubernetes::workload-cluster", n.Provider));
        Assert.Equal(["environment", "maturity", "teamNamespaces"], plan.Outputs.Keys);
        Assert.Equal(PlanValue.List([PlanValue.Of("payments"), PlanValue.Of("search")]), plan.Outputs[StackOutputs.TeamNamespaces]);
    }

    [Fact]
    public void Plan_TeamsStack_ChecksThePlatformsTenancyBeforeTheProviderExists()
    {
        var provider = TestConfig.StackPlan("prod-teams")["pulumi:providers:kubernetes::workload-cluster"];

        var check = Assert.IsType<PlanCheck.TenancyMatches>(Assert.Single(provider.Checks));
        Assert.Equal(new PlanValue.OutputRef(Reference, "outputs.tenancy"), Assert.Single(check.Facts));
        // The teams stack's copy of the platform's configuration plans for the tenancy the platform stack exports.
        Assert.Equal(Tenancy.Of(TestConfig.StackOptions("prod")), check.Expected);
        Assert.Equal(Tenancy.Output(TestConfig.StackOptions("prod")), TestConfig.StackPlan("prod").Outputs[StackOutputs.Tenancy]);
        Assert.Equal(
            """{"environment":"prod","maturity":"level2","networkIsolation":"on","objectStore":"http://minio.minio.svc.cluster.local","registry":"harbor.prod.example.com/mirror","services":"minio,feast,gitlab,mlflow,spark,kubeflow,monitoring"}""",
            System.Text.Json.JsonSerializer.Serialize(check.Expected));
    }

    [Fact]
    public void TenancyCheck_PassesOnTheSameTenancy_AndNamesEachDifferenceOrTheMissingOutput()
    {
        var check = (PlanCheck.TenancyMatches)TestConfig.StackPlan("prod-teams")["pulumi:providers:kubernetes::workload-cluster"].Checks[0];
        var exported = check.Expected.ToDictionary(p => p.Key, p => (object?)p.Value);

        Assert.Null(check.Failure([exported]));
        Assert.Equal(
            "mlops:platformStack 'acme/mlops/prod' does not accept teams stacks: it exports no 'tenancy'. Set 'pulumi config set mlops:teamStacks true' on that stack and run 'pulumi up' there first.",
            check.Failure([null]));
        exported["services"] = "minio,mlflow";
        exported.Remove("registry");
        Assert.Equal(
            "mlops:platformStack 'acme/mlops/prod' is not the platform this teams stack plans for: registry is '(none)' there and 'harbor.prod.example.com/mirror' here; services is 'minio,mlflow' there and 'minio,feast,gitlab,mlflow,spark,kubeflow,monitoring' here. Copy its mlops:environment, mlops:maturity and mlops:platform into this stack again (infractl stack new <name> --from <platform stack> --teams-of acme/mlops/prod writes them), then preview again.",
            check.Failure([(IDictionary)exported]));
    }

    [Fact]
    public void Plan_ATeamCostsTheSameWhateverTheOtherTeams()
    {
        var one = TeamsPlan(1);
        var hundred = TeamsPlan(100);

        // 8 nodes per stack (its component, reference, provider, and the MinIO and MLflow users' Secret, ConfigMap and jobs), 38 per team (16 of them its serving part, with the GPU runtime).
        Assert.Equal(8 + 38, one.Nodes.Length);
        Assert.Equal(8 + (38 * 100), hundred.Nodes.Length);
        // The first team's nodes are the same, but for the name of the stack's users job they wait for.
        Assert.Equal(Team(one, "t0000"), Team(hundred, "t0000"));
    }

    [Fact]
    public void Plan_WhatATeamWaitsForOutsideItsStack_IsTheNodeOfThePlatformStacksPlan()
    {
        var options = TestConfig.StackOptions("prod-teams");
        var teams = TeamNamespaces.For(options);
        var target = new TeamsTarget("provider", "teams", "prod-teams", teams.ToDictionary(t => t.Name, t => $"team:{t.Name}"), teams.ToDictionary(t => t.Name, t => TeamNamespaces.NamespaceId(t.Name)));
        var planned = Technologies.All.SelectMany(t => t.TeamNodes(options, target)).ToArray();
        var own = planned.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var platform = TestConfig.StackPlan("prod").Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

        var outside = planned.SelectMany(n => n.DependsOn).Where(id => !own.Contains(id)).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["kubernetes:kustomize/v2:Directory::admission-webhook", "kubernetes:kustomize/v2:Directory::istio", "kubernetes:kustomize/v2:Directory::kserve", "kubernetes:kustomize/v2:Directory::kubeflow-namespace", "kubernetes:kustomize/v2:Directory::profiles"], outside);
        Assert.All(outside, id => Assert.Contains(id, platform));
    }

    [Fact]
    public void Plan_TeamsStacksOwnUsers_AreAddedByItsOwnJobsWithTheTeamsIdentities()
    {
        var plan = TestConfig.StackPlan("prod-teams");

        var minio = plan["kubernetes:batch/v1:Job::minio-teams-527f02e9ac"];
        Assert.Equal<string>(["kubernetes:core/v1:Secret::minio-teams-prod-teams", "kubernetes:core/v1:ConfigMap::minio-teams-prod-teams"], minio.DependsOn);
        Assert.Contains(
            "mc admin user add store team-payments \"$(cat /users/team-payments)\" >/dev/null\nmc admin policy create store team-payments-buckets /policies/team-payments-buckets.json\n",
            minio.Inputs["spec"].ToString(), StringComparison.Ordinal);
        // The team's identity, not the platform's Spark one, is in its Spark Secret; its event logs go to its own folder.
        Assert.Equal("[secret random:index/randomPassword:RandomPassword::team-payments-minio-password]",
            ((PlanValue.MapValue)plan["kubernetes:core/v1:Secret::spark-s3-payments"].Inputs["stringData"]).Entries["AWS_SECRET_ACCESS_KEY"].ToString());
        Assert.Contains("spark.eventLog.dir s3a://mlops-prod-teams/payments/spark-events/", plan["kubernetes:core/v1:ConfigMap::spark-defaults-payments"].Inputs["data"].ToString(), StringComparison.Ordinal);
        // Team pods wait for the stack's own MinIO job, not the platform's policy job.
        Assert.Contains("kubernetes:batch/v1:Job::minio-teams-527f02e9ac", plan["kubernetes:core/v1:Secret::team-s3-payments"].DependsOn);
    }

    [Fact]
    public void Plan_PlatformAcceptingTeamStacks_ExportsTheKubeconfigOfItsFoundationWhenPlatformOnly()
    {
        var options = TestConfig.Load(("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/infra"), ("mlops:teamStacks", "true")).ValidOptions();

        var plan = StackPlanner.Plan("platform", options);

        Assert.Equal(PlanValue.StackOutput("pulumi:pulumi:StackReference::acme/mlops/infra", "kubeconfig"), plan.Outputs[StackOutputs.Kubeconfig]);
        Assert.Equal(Tenancy.Output(options), plan.Outputs[StackOutputs.Tenancy]);
        Assert.DoesNotContain(StackOutputs.Tenancy, TestConfig.StackPlan("dev").Outputs.Keys);
    }

    [Fact]
    public void Validate_TeamsStackRules_NameTheKeyAndTheFix()
    {
        Assert.Equal(
            ["mlops:platformStack is required when mlops:layers is 'teams': a teams stack reads the cluster's kubeconfig and the platform's tenancy from the platform stack its teams live on. Set it with 'pulumi config set mlops:platformStack <organization>/<project>/<stack>'."],
            TestConfig.Errors(("mlops:layers", "teams")));
        Assert.Equal(
            ["mlops:platformStack 'acme/mlops/prod' is set, but only a teams stack (mlops:layers 'teams') reads a platform stack. Remove it with 'pulumi config rm mlops:platformStack', or set 'pulumi config set mlops:layers teams'."],
            TestConfig.Errors(("mlops:platformStack", "acme/mlops/prod")));
        Assert.Equal(
            ["mlops:platformStack 'prod' is not a stack reference: it must be '<organization>/<project>/<stack>'. Set it with 'pulumi config set mlops:platformStack <organization>/<project>/<stack>'."],
            TestConfig.Errors(("mlops:layers", "teams"), ("mlops:platformStack", "prod")));
        Assert.Equal(
            ["mlops:teamStacks is true, but this stack (mlops:layers 'foundation') deploys no platform for teams stacks to hold teams on. Set it on the stack that deploys the platform, and remove it here with 'pulumi config rm mlops:teamStacks'."],
            TestConfig.Errors(("mlops:layers", "foundation"), ("mlops:teamStacks", "true")));
    }

    [Fact]
    public void Validate_TeamsStack_NeedsNoVsphereBlockOrVcenterConnection()
    {
        Assert.Empty(TestConfig.Errors(
            ("mlops:layers", "teams"), ("mlops:platformStack", "acme/mlops/dev"), ("mlops:vsphere", null),
            ("vsphere:server", null), ("vsphere:user", null), ("vsphere:password", null)));
        Assert.Equal(
            ["mlops:vsphere is required but not set: the vSphere placement (datacenter, computeCluster, datastore, network). Set its keys, such as 'pulumi config set --path mlops:vsphere.datacenter <value>' and 'pulumi config set --path mlops:vsphere.computeCluster <value>' and 'pulumi config set --path mlops:vsphere.network <value>'."],
            TestConfig.Errors(("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/dev"), ("mlops:vsphere", null)));
    }

    // A team's nodes as text: id, parent, inputs, and how many nodes each waits for.
    private static string[] Team(Plan plan, string team) =>
        [.. plan.Nodes.Where(n => n.Parent == $"infra:teams:Team::{team}").Select(n => $"{n.Id} < {n.Parent} ({n.DependsOn.Length}): {string.Join("; ", n.Inputs.Select(i => $"{i.Key}={i.Value}"))}")];

    // The prod-teams stack with n generated teams.
    private static Plan TeamsPlan(int teams)
    {
        var options = TestConfig.StackOptions("prod-teams") with
        {
            Teams = [.. Enumerable.Range(0, teams).Select(i => new TeamOptions { Name = $"t{i:0000}", Owner = $"lead{i}@example.com", GpuQuota = 1 })],
        };
        return StackPlanner.Plan("prod-teams", options);
    }
}
