using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Spark;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Spark;

public sealed class SparkSpecTests
{
    private const string SparkApplications = "spark-operator/sparkoperator.k8s.io_sparkapplications.yaml";

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void RenderedValues_UseOnlyKeysTheChartHas(string stack)
    {
        Assert.Empty(UpstreamSchemas.UnknownValues("spark-operator/spark-operator-chart.values.yaml", Rendering.Rendered.Yaml(stack, "helm/spark-operator.values.yaml")));
    }

    [Fact]
    public void Values_WatchTheJobsNamespaceAndEveryTeamsWithHaInProduction()
    {
        var values = SparkSpec.For(TestConfig.StackOptions("prod"))!.Values();

        // prod accepts teams stacks, whose namespaces it does not know: "" watches every namespace.
        Assert.Equal(
            """{"jobNamespaces":["spark-jobs","fraud-detection","recommendations",""],"serviceAccount":{"create":true,"name":"spark"},"rbac":{"create":true}}""",
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
            spark.hadoop.fs.s3a.endpoint.region us-east-1
            spark.hadoop.fs.s3a.path.style.access true
            spark.hadoop.fs.s3a.connection.ssl.enabled false
            spark.hadoop.fs.s3a.aws.credentials.provider software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider
            spark.eventLog.enabled true
            spark.eventLog.dir s3a://mlops-dev-spark-events/

            """,
            SparkSpec.For(TestConfig.StackOptions("dev"))!.Defaults());
    }

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void SampleApplication_MatchesTheCrd(string stack)
    {
        var sample = SparkSpec.For(TestConfig.StackOptions(stack))!.SampleApplication("fraud-detection");

        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd(SparkApplications, "v1beta2"), sample));
    }

    [UpstreamFact]
    public void SampleApplication_Crd_RejectsAnUnknownField()
    {
        var sample = SparkSpec.For(TestConfig.StackOptions("dev"))!.SampleApplication("spark-jobs");
        sample["spec"]!["driver"]!["serviceAccountName"] = "spark";

        Assert.NotEmpty(UpstreamSchemas.Errors(UpstreamSchemas.Crd(SparkApplications, "v1beta2"), sample));
    }

    [Fact]
    public void Everything_RunsOneSparkLineWithItsHadoopsConnector()
    {
        var spec = SparkSpec.For(TestConfig.StackOptions("dev"))!;
        var sample = spec.SampleApplication("spark-jobs")["spec"]!;
        var server = spec.HistoryServerDeployment()!["spec"]!["template"]!["spec"]!["containers"]![0]!;

        Assert.Equal(("4.0.4", "docker.io/apache/spark:4.0.4@sha256:94ad730f7510002d8a1615de269f27cdeca4d4eef51657384db3fa9246b5a4d8"), ((string)sample["sparkVersion"]!, (string)sample["image"]!));
        Assert.Equal((string)sample["image"]!, (string)server["image"]!);
        Assert.Equal("local:///opt/spark/examples/jars/spark-examples_2.13-4.0.4.jar", (string)sample["mainApplicationFile"]!);
        // The sample resolves the connector (and, through its POM, the SDK bundle); the server fetches the same two jars.
        Assert.Equal("""["org.apache.hadoop:hadoop-aws:3.4.1"]""", sample["deps"]!["packages"]!.ToJsonString());
        Assert.Equal(["hadoop-aws-3.4.1.jar", "bundle-2.24.6.jar"], SparkVersions.HistoryServerJars.Select(u => u[(u.LastIndexOf('/') + 1)..]));
    }

    [UpstreamFact]
    public void ExampleInTheRepository_IsTheDevRenderAndMatchesTheCrd()
    {
        var example = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "spark", "spark-pi.yaml"));
        var rendered = StackRenderer.Render(TestConfig.StackPlan("dev")).Single(f => f.Name == "handoffs/spark/spark-pi.yaml").Content;

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
            "{annotations: {owner: fraud-lead@example.com}, labels: {istio-injection: enabled, mlops.platform/team: fraud-detection, pod-security.kubernetes.io/enforce: baseline}, name: fraud-detection}",
            plan["kubernetes:core/v1:Namespace::team-fraud-detection"].Inputs["metadata"].ToString());
        Assert.Equal(PlanValue.Of("2.5.2"), plan["kubernetes:helm.sh/v3:Release::spark-operator"].Inputs["version"]);
    }
}

public sealed class SparkHistoryServerTests
{
    private const string Core = "kubernetes/v1.35.api__v1_openapi.json";

    [Fact]
    public void Deployment_ReadsTheEventsBucketThroughS3aWithSparksIdentity()
    {
        var deployment = SparkSpec.For(TestConfig.StackOptions("dev"))!.HistoryServerDeployment()!;
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;

        Assert.Equal("""{"name":"spark-history-server","namespace":"spark-operator","labels":{"app.kubernetes.io/name":"spark-history-server"}}""", deployment["metadata"]!.ToJsonString());
        Assert.Equal("docker.io/apache/spark:4.0.4@sha256:94ad730f7510002d8a1615de269f27cdeca4d4eef51657384db3fa9246b5a4d8", (string)container["image"]!);
        Assert.Equal(
            """[{"name":"SPARK_DAEMON_CLASSPATH","value":"/jars/*"},{"name":"SPARK_HISTORY_OPTS","value":"-Dspark.history.fs.logDirectory=s3a://mlops-dev-spark-events/ -Dspark.hadoop.fs.s3a.endpoint=http://minio.minio.svc.cluster.local -Dspark.hadoop.fs.s3a.endpoint.region=us-east-1 -Dspark.hadoop.fs.s3a.path.style.access=true -Dspark.hadoop.fs.s3a.connection.ssl.enabled=false -Dspark.hadoop.fs.s3a.aws.credentials.provider=software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider"},{"name":"AWS_ACCESS_KEY_ID","valueFrom":{"secretKeyRef":{"name":"spark-s3","key":"AWS_ACCESS_KEY_ID"}}},{"name":"AWS_SECRET_ACCESS_KEY","valueFrom":{"secretKeyRef":{"name":"spark-s3","key":"AWS_SECRET_ACCESS_KEY"}}}]""",
            container["env"]!.ToJsonString());
        Assert.Equal(
            "wget -q -O /jars/hadoop-aws-3.4.1.jar https://repo1.maven.org/maven2/org/apache/hadoop/hadoop-aws/3.4.1/hadoop-aws-3.4.1.jar && wget -q -O /jars/bundle-2.24.6.jar https://repo1.maven.org/maven2/software/amazon/awssdk/bundle/2.24.6/bundle-2.24.6.jar",
            (string)deployment["spec"]!["template"]!["spec"]!["initContainers"]![0]!["command"]![2]!);
    }

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void PodSpecAndService_MatchKubernetesSchemas(string stack)
    {
        var spec = SparkSpec.For(TestConfig.StackOptions(stack))!;

        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes(Core, "io.k8s.api.core.v1.PodSpec"), spec.HistoryServerDeployment()!["spec"]!["template"]!["spec"]!));
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes(Core, "io.k8s.api.core.v1.Service"), spec.HistoryServerService()!));
    }

    [Fact]
    public void Prod_PullsThroughTheMirror_AndTheServerIsOptional()
    {
        var prod = SparkSpec.For(TestConfig.StackOptions("prod"))!.HistoryServerDeployment()!["spec"]!["template"]!["spec"]!;
        var off = SparkSpec.For(TestConfig.Load(("mlops:platform", "\n    spark:\n      historyServer: false")).ValidOptions())!;

        Assert.Equal("harbor.prod.example.com/mirror/docker.io/apache/spark:4.0.4@sha256:94ad730f7510002d8a1615de269f27cdeca4d4eef51657384db3fa9246b5a4d8", (string)prod["containers"]![0]!["image"]!);
        Assert.Equal("harbor.prod.example.com/mirror/docker.io/library/busybox:1.38.0@sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616", (string)prod["initContainers"]![0]!["image"]!);
        Assert.Null(off.HistoryServerDeployment());
        Assert.Null(off.HistoryServerService());
        Assert.DoesNotContain(StackPlanner.Plan("test", TestConfig.Load(("mlops:platform", "\n    spark:\n      historyServer: false")).ValidOptions()).Nodes, n => n.Name == SparkSpec.HistoryServerName);
    }

    [Fact]
    public void Plan_TheServerWaitsForItsSecretAndTheSparkIdentity()
    {
        var options = TestConfig.StackOptions("dev");
        var plan = StackPlanner.Plan("dev", options);

        Assert.Equal(
            ["kubernetes:core/v1:Secret::spark-s3-spark-operator", PlanNode.IdOf("kubernetes:batch/v1:Job", Infra.Model.Minio.MinioSpec.For(options)!.PolicyJobName())],
            plan[PlanNode.IdOf("kubernetes:apps/v1:Deployment", SparkSpec.HistoryServerName)].DependsOn.ToArray());
    }
}

public sealed class SparkTeamAccessTests
{
    [Fact]
    public void KubeflowsEditAndViewRoles_AggregateSparkApplicationsForTheTeams()
    {
        var plan = Infra.Model.Stacks.StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));

        Assert.Equal(
            """[{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"mlops-spark-applications-edit","labels":{"rbac.authorization.kubeflow.org/aggregate-to-kubeflow-edit":"true"}},"rules":[{"apiGroups":["sparkoperator.k8s.io"],"resources":["sparkapplications","scheduledsparkapplications","sparkapplications/status","scheduledsparkapplications/status"],"verbs":["get","list","watch","create","update","patch","delete","deletecollection"]}]},{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"mlops-spark-applications-view","labels":{"rbac.authorization.kubeflow.org/aggregate-to-kubeflow-view":"true"}},"rules":[{"apiGroups":["sparkoperator.k8s.io"],"resources":["sparkapplications","scheduledsparkapplications","sparkapplications/status","scheduledsparkapplications/status"],"verbs":["get","list","watch"]}]}]""",
            new System.Text.Json.Nodes.JsonArray([.. SparkSpec.KubeflowRoles()]).ToJsonString());
        Assert.Contains(plan.Nodes, n => n.Id == "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole::mlops-spark-applications-edit");
        Assert.DoesNotContain(
            Infra.Model.Stacks.StackPlanner.Plan("test", TestConfig.Load(("mlops:teams", null)).ValidOptions()).Nodes,
            n => n.Type == "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole");
    }
}
