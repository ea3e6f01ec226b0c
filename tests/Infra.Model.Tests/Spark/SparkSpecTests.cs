using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Spark;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Spark;

public sealed class SparkSpecTests
{
    private const string SparkApplications = "spark-operator/sparkoperator.k8s.io_sparkapplications.yaml";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Values_UseOnlyKeysTheChartHas(string stack)
    {
        Assert.Empty(UpstreamSchemas.UnknownValues("spark-operator/spark-operator-chart.values.yaml", SparkSpec.For(TestConfig.StackOptions(stack))!.Values()));
    }

    [Fact]
    public void Values_WatchTheJobsNamespaceAndEveryTeamsWithHaInProduction()
    {
        var values = SparkSpec.For(TestConfig.StackOptions("prod"))!.Values();

        Assert.Equal(
            """{"jobNamespaces":["spark-jobs","fraud-detection","recommendations"],"serviceAccount":{"create":true,"name":"spark"},"rbac":{"create":true}}""",
            values["spark"]!.ToJsonString());
        Assert.Equal(
            """{"replicas":2,"podDisruptionBudget":{"enable":true,"minAvailable":1},"leaderElection":{"enable":true}}""",
            values["controller"]!.ToJsonString());
        Assert.Equal(
            """{"registry":"harbor.prod.example.com/mirror/ghcr.io","repository":"kubeflow/spark-operator/controller","tag":"2.5.2"}""",
            values["image"]!.ToJsonString());
        Assert.False((bool)SparkSpec.For(TestConfig.StackOptions("dev"))!.Values()["webhook"]!["podDisruptionBudget"]!["enable"]!);
    }

    [Fact]
    public void Defaults_PointS3aAtTheObjectStoreAndEventLogsAtTheBucket()
    {
        Assert.Equal(
            """
            spark.hadoop.fs.s3a.endpoint http://minio.minio.svc.cluster.local
            spark.hadoop.fs.s3a.path.style.access true
            spark.hadoop.fs.s3a.connection.ssl.enabled false
            spark.hadoop.fs.s3a.aws.credentials.provider com.amazonaws.auth.EnvironmentVariableCredentialsProvider
            spark.eventLog.enabled true
            spark.eventLog.dir s3a://mlops-dev-spark-events/

            """,
            SparkSpec.For(TestConfig.StackOptions("dev"))!.Defaults());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void SampleApplication_MatchesTheCrd(string stack)
    {
        var sample = SparkSpec.For(TestConfig.StackOptions(stack))!.SampleApplication("fraud-detection");

        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd(SparkApplications, "v1beta2"), sample));
    }

    [Fact]
    public void SampleApplication_Crd_RejectsAnUnknownField()
    {
        var sample = SparkSpec.For(TestConfig.StackOptions("dev"))!.SampleApplication("spark-jobs");
        sample["spec"]!["driver"]!["serviceAccountName"] = "spark";

        Assert.NotEmpty(UpstreamSchemas.Errors(UpstreamSchemas.Crd(SparkApplications, "v1beta2"), sample));
    }

    [Fact]
    public void ExampleInTheRepository_IsTheDevRenderAndMatchesTheCrd()
    {
        var example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "spark", "spark-pi.yaml"));
        var rendered = StackRenderer.Render(TestConfig.StackOptions("dev")).Single(f => f.Name == "spark/spark-pi.yaml").Content;

        Assert.Equal(rendered, example);
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd(SparkApplications, "v1beta2"), UpstreamSchemas.Yaml(example)!));
    }

    [Fact]
    public void Plan_PutsCredentialsAndDefaultsInEveryJobNamespaceAndWaitsForThem()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));

        var secret = plan["kubernetes:core/v1:Secret::spark-s3-fraud-detection"];
        Assert.Equal("{name: spark-s3, namespace: fraud-detection}", secret.Inputs["metadata"].ToString());
        Assert.Equal("{AWS_ACCESS_KEY_ID: spark, AWS_SECRET_ACCESS_KEY: [secret random:index/randomPassword:RandomPassword::spark-minio-password]}", secret.Inputs["stringData"].ToString());
        Assert.Contains("kubernetes:core/v1:Namespace::team-fraud-detection", secret.DependsOn);
        Assert.Equal("{name: spark-defaults, namespace: recommendations}", plan["kubernetes:core/v1:ConfigMap::spark-defaults-recommendations"].Inputs["metadata"].ToString());
        Assert.Equal(
            ["kubernetes:core/v1:Namespace::spark-operator", "kubernetes:core/v1:Namespace::spark-jobs", "kubernetes:core/v1:Namespace::team-fraud-detection", "kubernetes:core/v1:Namespace::team-recommendations"],
            plan["kubernetes:helm.sh/v3:Release::spark-operator"].DependsOn.ToArray());
        Assert.Equal(
            "{annotations: {owner: fraud-lead@example.com}, labels: {mlops.platform/team: fraud-detection}, name: fraud-detection}",
            plan["kubernetes:core/v1:Namespace::team-fraud-detection"].Inputs["metadata"].ToString());
        Assert.Equal(PlanValue.Of("2.5.2"), plan["kubernetes:helm.sh/v3:Release::spark-operator"].Inputs["version"]);
    }
}
