using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Postgres;
using Infra.Model.Redis;

namespace Infra.Model.Feast;

/// <summary>
/// The feature store, through the Feast operator's <c>FeatureStore</c> resource: the registry in its PostgreSQL
/// database, the online store in Redis, the offline store as files in its object store bucket. The store
/// configurations name credentials only as environment variables (<c>${POSTGRES_PASSWORD}</c>, which Feast expands),
/// and the servers take those from a Secret.
/// </summary>
/// <param name="Replicas">Replicas of the feature store's servers.</param>
/// <param name="Cpu">Each server's CPU request.</param>
/// <param name="Memory">Each server's memory request and limit.</param>
/// <param name="Project">The Feast project.</param>
/// <param name="OfflineBucket">The bucket of offline data (Parquet files).</param>
/// <param name="User">Feast's registry database and owner.</param>
/// <param name="Registry">The registry mirror images are pulled through, or null.</param>
/// <param name="Store">The object store of offline data.</param>
/// <param name="OperatorBundle">Where the operator's install bundle is read from: the pinned release URL, or a site's copy.</param>
/// <param name="Metrics">Whether the online server serves Prometheus metrics (<c>feast serve --metrics</c>).</param>
/// <param name="MaterializeSchedule">When the operator's CronJob materializes new feature values into the online store.</param>
public sealed record FeastSpec(int Replicas, string Cpu, string Memory, string Project, string OfflineBucket, DatabaseUser User, string? Registry, ObjectStoreAccess Store, string OperatorBundle, bool Metrics = false, string MaterializeSchedule = FeastSpec.DefaultMaterializeSchedule)
{
    /// <summary>The namespace.</summary>
    public const string Namespace = "feast";

    /// <summary>The operator's namespace, which its install bundle creates.</summary>
    public const string OperatorNamespace = "feast-operator-system";

    /// <summary>The online feature server's pod port (HTTP), where its Service points (the operator's services_types.go).</summary>
    public const int OnlinePort = 6566;

    /// <summary>The offline server's pod port (Arrow Flight).</summary>
    public const int OfflinePort = 8815;

    /// <summary>The registry server's pod port (gRPC).</summary>
    public const int RegistryPort = 6570;

    /// <summary>The <c>FeatureStore</c> resource's name; the operator names the services <c>feast-&lt;name&gt;-&lt;server&gt;</c>.</summary>
    public const string StoreName = "mlops";

    /// <summary>The Secret with the store configurations the operator reads, by store type.</summary>
    public const string DataStoresSecret = "feast-data-stores";

    /// <summary>The Secret with the credentials the servers read as environment variables.</summary>
    public const string CredentialsSecret = "feast-credentials";

    /// <summary>The Redis user (and service) name of Feast.</summary>
    public const string RedisUser = "feast";

    /// <summary>The online feature server's in-cluster URL.</summary>
    public const string OnlineUrl = $"http://feast-{StoreName}-online.{Namespace}.svc.cluster.local";

    /// <summary>The registry server's in-cluster gRPC address, for clients' <c>registry_type: remote</c>.</summary>
    public const string RegistryAddress = $"feast-{StoreName}-registry.{Namespace}.svc.cluster.local:80";

    /// <summary>The offline server's host, where the operator runs one (port 80, as the operator's client configuration has it).</summary>
    public const string OfflineHost = $"feast-{StoreName}-offline.{Namespace}.svc.cluster.local";

    /// <summary>The materialization's default schedule: every hour.</summary>
    public const string DefaultMaterializeSchedule = "0 * * * *";

    /// <summary>The decisions for <paramref name="options"/>, or null where Feast is disabled.</summary>
    public static FeastSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static FeastSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(Feast.FeastTechnology.Service) || ObjectStoreAccess.For(options) is not { } store)
        {
            return null;
        }

        var block = options.Platform?.Feast;
        var production = options.IsProduction;
        return new FeastSpec(
            block?.Replicas ?? (production ? 2 : 1),
            block?.Cpu ?? (production ? "500m" : "100m"),
            block?.Memory ?? (production ? "2Gi" : "512Mi"),
            ProjectName(Validated.Required(options.Environment)),
            ObjectStoreSpec.BucketName(Validated.Required(options.Environment), "feast-offline"),
            PostgresSpec.UsersFor(options).Single(u => u.Service == Namespace),
            options.Platform?.Registry,
            store,
            block?.OperatorBundle ?? FeastVersions.OperatorBundle,
            options.IsEnabled(Monitoring.MonitoringTechnology.Service),
            block?.MaterializeSchedule ?? DefaultMaterializeSchedule);
    }

    /// <summary>The Feast project of an environment: <c>mlops_&lt;environment&gt;</c>, letters, digits and underscores as Feast requires.</summary>
    public static string ProjectName(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return "mlops_" + environment.Replace('-', '_');
    }

    /// <summary>
    /// Whether the operator runs the offline server: only with one replica, as the operator scales a feature store
    /// only where every store is a database, and the offline store here is files. With more, clients still read
    /// the offline files themselves (Feast's default file store).
    /// </summary>
    public bool ServesOffline => Replicas == 1;

    /// <summary>The servers each replica runs, a container each: the registry, the online server and, where it runs, the offline server.</summary>
    public int Servers => ServesOffline ? 3 : 2;

    /// <summary>Where the registry lives, without credentials.</summary>
    public string RegistryLocation => $"postgresql://{PostgresSpec.Host}:5432/{User.Database}";

    /// <summary>
    /// The store configurations, keyed by store type as the operator reads them: the registry (<c>sql</c>) and the
    /// online store (<c>redis</c>). Credentials appear only as environment variable references.
    /// </summary>
    public IReadOnlyList<(string Key, string Value)> DataStores() =>
    [
        ("sql", $"""
            path: postgresql+psycopg://{User.Owner}:${"{"}POSTGRES_PASSWORD{"}"}@{PostgresSpec.Host}:5432/{User.Database}
            cache_ttl_seconds: 60
            sqlalchemy_config_kwargs:
              echo: false
              pool_pre_ping: true

            """),
        ("redis", $"""
            connection_string: {RedisSpec.Address},username={RedisUser},password=${"{"}REDIS_PASSWORD{"}"}

            """),
    ];

    /// <summary>The <c>FeatureStore</c> resource.</summary>
    public JsonObject FeatureStore()
    {
        var services = new JsonObject
        {
            ["onlineStore"] = new JsonObject
            {
                ["persistence"] = DatabaseStore("redis"),
                ["server"] = Metrics ? Server(("metrics", true)) : Server(),
            },
            ["registry"] = new JsonObject
            {
                ["local"] = new JsonObject
                {
                    ["persistence"] = DatabaseStore("sql"),
                    ["server"] = Server(("grpc", true), ("restAPI", true)),
                },
            },
            ["runFeastApplyOnInit"] = false,
        };

        if (ServesOffline)
        {
            services["offlineStore"] = new JsonObject
            {
                ["persistence"] = new JsonObject { ["file"] = new JsonObject { ["type"] = "file" } },
                ["server"] = Server(),
            };
        }
        else
        {
            services["podDisruptionBudgets"] = new JsonObject { ["maxUnavailable"] = 1 };
        }

        return new JsonObject
        {
            ["apiVersion"] = "feast.dev/v1",
            ["kind"] = "FeatureStore",
            ["metadata"] = new JsonObject { ["name"] = StoreName, ["namespace"] = Namespace },
            ["spec"] = new JsonObject
            {
                // The operator's CronJob runs its default commands (feast apply, then materialize-incremental up to now)
                // in the feature server's pod on this schedule (v0.66.0 services/cronjob.go); without one it never runs.
                ["cronJob"] = new JsonObject { ["schedule"] = MaterializeSchedule },
                ["feastProject"] = Project,
                ["feastProjectDir"] = new JsonObject { ["init"] = new JsonObject { ["minimal"] = true } },
                ["replicas"] = Replicas,
                ["services"] = services,
            },
        };
    }

    private static JsonObject DatabaseStore(string type) => new()
    {
        ["store"] = new JsonObject { ["type"] = type, ["secretRef"] = new JsonObject { ["name"] = DataStoresSecret } },
    };

    private JsonObject Server(params (string Key, bool Value)[] flags)
    {
        var server = new JsonObject
        {
            ["image"] = Images.Through(Registry, FeastVersions.FeatureServerImage),
            ["envFrom"] = new JsonArray(new JsonObject { ["secretRef"] = new JsonObject { ["name"] = CredentialsSecret } }),
            ["env"] = new JsonArray(
                Env("AWS_ENDPOINT_URL", Store.Endpoint),
                Env("FEAST_S3_ENDPOINT_URL", Store.Endpoint),
                Env("AWS_DEFAULT_REGION", Store.Region)),
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = Cpu, ["memory"] = Memory },
                ["limits"] = new JsonObject { ["memory"] = Memory },
            },
        };
        foreach (var (key, value) in flags)
        {
            server[key] = value;
        }

        return server;
    }

    private static JsonObject Env(string name, string value) => new() { ["name"] = name, ["value"] = value };

    /// <summary>
    /// The client configuration (<c>feature_store.yaml</c>) notebooks and pipelines use, in the operator's own client
    /// shape (feast-operator's <c>getClientRepoConfig</c>): the registry and online store remote, and the offline
    /// store the offline server (<c>type: remote</c>, its host, port 80) where one runs, else the files themselves.
    /// </summary>
    public string ClientConfig() => $"""
        project: {Project}
        provider: local
        registry:
          registry_type: remote
          path: {RegistryAddress}
        online_store:
          type: remote
          path: {OnlineUrl}
        offline_store:
        {(ServesOffline ? $"  type: remote\n  host: {OfflineHost}\n  port: 80" : "  type: file")}
        entity_key_serialization_version: 3

        """;
}
