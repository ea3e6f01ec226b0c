using System.Text.Json.Nodes;
using Infra.Model.Feast;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Feast;

public sealed class FeastSpecTests
{
    private const string Crd = "feast/feast.dev_featurestores.yaml";

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void RenderedFeatureStore_MatchesTheOperatorsCrd(string stack)
    {
        var store = Rendering.Rendered.Yaml(stack, "feast/feast/featurestore-mlops.yaml");

        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd(Crd, "v1"), store));
    }

    [UpstreamFact]
    public void FeatureStore_Crd_RejectsAnUnknownStoreType()
    {
        var store = FeastSpec.For(TestConfig.StackOptions("dev"))!.FeatureStore();
        store["spec"]!["services"]!["onlineStore"]!["persistence"]!["store"]!["type"] = "memcached";

        Assert.Contains(
            UpstreamSchemas.Errors(UpstreamSchemas.Crd(Crd, "v1"), store),
            e => e.StartsWith("/spec/services/onlineStore/persistence/store/type: ", StringComparison.Ordinal));
    }

    [Fact]
    public void FeatureStore_MaterializesOnItsSchedule_HourlyByDefault()
    {
        Assert.Equal("""{"schedule":"0 * * * *"}""", Rendering.Rendered.Yaml("dev", "feast/feast/featurestore-mlops.yaml")["spec"]!["cronJob"]!.ToJsonString());
        var loaded = TestConfig.Load(("mlops:platform", "\n    feast:\n      enabled: true\n      materializeSchedule: \"*/15 6-22 * * 1-5\""));
        Assert.Empty(loaded.Errors);
        Assert.Equal("*/15 6-22 * * 1-5", Model.Feast.FeastSpec.For(loaded.Options!)!.MaterializeSchedule);
    }

    [Theory]
    [InlineData("0 * * * *", true)]
    [InlineData("@daily", true)]
    [InlineData("5,35 */2 1-15 1,6 0-7", true)]
    [InlineData("0 * * *", false)]
    [InlineData("60 * * * *", false)]
    [InlineData("0 24 * * *", false)]
    [InlineData("0 0 0 * *", false)]
    [InlineData("*/0 * * * *", false)]
    [InlineData("10-5 * * * *", false)]
    [InlineData("every hour", false)]
    public void CronSchedule_HoldsFiveFieldsInTheirRangesOrAMacro(string schedule, bool valid) =>
        Assert.Equal(valid, Model.Configuration.ValueRules.IsCronSchedule(schedule));

    [Fact]
    public void MaterializeSchedule_ThatIsNoCronSchedule_NamesTheKeyTheRuleAndTheFix()
    {
        Assert.Equal(
            ["mlops:platform.feast.materializeSchedule 'hourly' is not a cron schedule: write five fields (minute, hour, day of month, month, day of week) such as '0 * * * *', or a macro such as @hourly or @daily. Set it with 'pulumi config set --path mlops:platform.feast.materializeSchedule \"0 * * * *\"'."],
            TestConfig.Errors(("mlops:platform", "\n    feast:\n      enabled: true\n      materializeSchedule: hourly")));
    }

    [Fact]
    public void FeatureStore_Dev_StoresInPostgresRedisAndFilesAndServesOffline()
    {
        var spec = FeastSpec.For(TestConfig.StackOptions("dev"))!;
        var store = spec.FeatureStore();
        var services = store["spec"]!["services"]!;

        Assert.Equal((1, "100m", "512Mi", "mlops_dev", "mlops-dev-feast-offline"), (spec.Replicas, spec.Cpu, spec.Memory, spec.Project, spec.OfflineBucket));
        Assert.Equal("""{"name":"mlops","namespace":"feast"}""", store["metadata"]!.ToJsonString());
        Assert.Equal("""{"cronJob":{"schedule":"0 * * * *"},"feastProject":"mlops_dev","feastProjectDir":{"init":{"minimal":true}},"replicas":1}""", WithoutServices(store));
        Assert.Equal("""{"store":{"type":"redis","secretRef":{"name":"feast-data-stores"}}}""", services["onlineStore"]!["persistence"]!.ToJsonString());
        Assert.Equal("""{"store":{"type":"sql","secretRef":{"name":"feast-data-stores"}}}""", services["registry"]!["local"]!["persistence"]!.ToJsonString());
        Assert.Equal("""{"file":{"type":"file"}}""", services["offlineStore"]!["persistence"]!.ToJsonString());
        Assert.False((bool)services["runFeastApplyOnInit"]!);
        Assert.Null(services["podDisruptionBudgets"]);
        Assert.Equal(
            """{"image":"quay.io/feastdev/feature-server:0.66.0","envFrom":[{"secretRef":{"name":"feast-credentials"}}],"env":[{"name":"AWS_ENDPOINT_URL","value":"http://minio.minio.svc.cluster.local"},{"name":"FEAST_S3_ENDPOINT_URL","value":"http://minio.minio.svc.cluster.local"},{"name":"AWS_DEFAULT_REGION","value":"us-east-1"}],"resources":{"requests":{"cpu":"100m","memory":"512Mi"},"limits":{"memory":"512Mi"}},"grpc":true,"restAPI":true}""",
            services["registry"]!["local"]!["server"]!.ToJsonString());
    }

    [Fact]
    public void FeatureStore_Prod_ScalesWithABudgetWithoutTheFileOfflineServerAndPullsThroughTheMirror()
    {
        var spec = FeastSpec.For(TestConfig.StackOptions("prod"))!;
        var services = spec.FeatureStore()["spec"]!["services"]!;

        // The operator's own rule: a feature store scales only where every store it serves is a database.
        Assert.Equal(2, spec.Replicas);
        Assert.Null(services["offlineStore"]);
        Assert.Equal("""{"maxUnavailable":1}""", services["podDisruptionBudgets"]!.ToJsonString());
        Assert.Equal("harbor.prod.example.com/mirror/quay.io/feastdev/feature-server:0.66.0", (string)services["onlineStore"]!["server"]!["image"]!);
    }

    [Fact]
    public void DataStores_NameCredentialsOnlyAsEnvironmentVariables()
    {
        var stores = FeastSpec.For(TestConfig.StackOptions("dev"))!.DataStores();

        Assert.Equal(
            [
                ("sql", "path: postgresql+psycopg://feast:${POSTGRES_PASSWORD}@mlops-postgres-rw.postgres.svc.cluster.local:5432/feast_registry\ncache_ttl_seconds: 60\nsqlalchemy_config_kwargs:\n  echo: false\n  pool_pre_ping: true\n"),
                ("redis", "connection_string: valkey.redis.svc.cluster.local:6379,username=feast,password=${REDIS_PASSWORD}\n"),
            ],
            stores);
    }

    [Fact]
    public void Plan_FeatureStoreWaitsForItsOperatorSecretsDatabaseRedisAndBucketsOnly()
    {
        var options = TestConfig.StackOptions("dev");
        var plan = StackPlanner.Plan("dev", options);
        var store = plan[PlanNode.IdOf("kubernetes:feast.dev/v1:FeatureStore", "mlops")];
        var credentials = plan[PlanNode.IdOf("kubernetes:core/v1:Secret", "feast-credentials")];

        Assert.Equal(
            [
                "kubernetes:yaml/v2:ConfigFile::feast-operator", "kubernetes:core/v1:Secret::feast-data-stores", "kubernetes:core/v1:Secret::feast-credentials",
                "kubernetes:postgresql.cnpg.io/v1:Database::feast-registry", "kubernetes:helm.sh/v3:Release::valkey", PlanNode.IdOf("kubernetes:batch/v1:Job", Infra.Model.Minio.MinioSpec.For(options)!.PolicyJobName()),
            ],
            store.DependsOn.ToArray());
        Assert.Equal(
            "{AWS_ACCESS_KEY_ID: feast, AWS_SECRET_ACCESS_KEY: [secret random:index/randomPassword:RandomPassword::feast-minio-password], POSTGRES_PASSWORD: [secret random:index/randomPassword:RandomPassword::feast-postgres-password], REDIS_PASSWORD: [secret random:index/randomPassword:RandomPassword::redis-feast-password]}",
            credentials.Inputs["stringData"].ToString());
        Assert.Equal("https://raw.githubusercontent.com/feast-dev/feast/v0.66.0/infra/feast-operator/dist/install.yaml",
            ((PlanValue.Literal)plan[PlanNode.IdOf("kubernetes:yaml/v2:ConfigFile", "feast-operator")].Inputs["file"]).Value);
    }

    [Fact]
    public void Validation_FeastWithoutTheObjectStoreIsAnError()
    {
        var errors = TestConfig.Errors(("mlops:platform", "\n    minio:\n      enabled: false\n    mlflow:\n      enabled: false\n    spark:\n      enabled: false"));

        Assert.Contains("mlops:platform.minio.enabled is false, but Feast keeps offline data in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or disable Feast with 'pulumi config set --path mlops:platform.feast.enabled false'.", errors);
    }

    // The operator's client shape (feast v0.66.0, infra/feast-operator/internal/controller/services/repo_config.go,
    // getClientRepoConfig): a remote offline store at the offline server's host, port 80, where that server runs.
    [Fact]
    public void ClientConfig_Dev_PointsAtTheRemoteRegistryOnlineAndOfflineServers()
    {
        Assert.Equal(
            "project: mlops_dev\nprovider: local\nregistry:\n  registry_type: remote\n  path: feast-mlops-registry.feast.svc.cluster.local:80\nonline_store:\n  type: remote\n  path: http://feast-mlops-online.feast.svc.cluster.local\noffline_store:\n  type: remote\n  host: feast-mlops-offline.feast.svc.cluster.local\n  port: 80\nentity_key_serialization_version: 3\n",
            FeastSpec.For(TestConfig.StackOptions("dev"))!.ClientConfig());
    }

    [Fact]
    public void ClientConfig_Prod_WithNoOfflineServer_ReadsTheFilesItself()
    {
        var spec = FeastSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.False(spec.ServesOffline);
        Assert.Contains("offline_store:\n  type: file\n", spec.ClientConfig(), StringComparison.Ordinal);
    }

    private static string WithoutServices(JsonNode store)
    {
        var spec = store["spec"]!.DeepClone().AsObject();
        spec.Remove("services");
        return spec.ToJsonString();
    }
}
