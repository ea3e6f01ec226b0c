using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Components.Feast;
using Infra.Components.Gitlab;
using Infra.Components.Kubeflow;
using Infra.Components.Kubernetes;
using Infra.Components.Minio;
using Infra.Components.ObjectStore;
using Infra.Components.Mlflow;
using Infra.Components.Postgres;
using Infra.Components.Redis;
using Infra.Components.Spark;
using Infra.Model.Feast;
using Infra.Model.Gitlab;
using Infra.Model.Kubeflow;
using Infra.Model.Postgres;
using Infra.Model.Redis;
using Infra.Model.Minio;
using Infra.Model.ObjectStore;
using Infra.Model.Mlflow;
using Infra.Model.Spark;
using Infra.Model.Stacks;
using Infra.Model.Tanzu;
using Infra.Model.Teams;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace Infra.Stacks;

/// <summary>
/// The platform services (<c>infra:stacks:Platform</c>) on the workload cluster. It groups the service components
/// and gives them the cluster's provider: the foundation's in an all-in-one stack, or one built from the
/// kubeconfig the foundation stack exports, for a platform-only stack.
/// </summary>
public sealed class Platform : InfraComponent
{
    /// <summary>Registers the platform component and, for a platform-only stack, its cluster provider.</summary>
    public Platform(PlatformArgs args, ComponentResourceOptions? options = null)
        : base(StackTokens.Platform, StackTokens.PlatformName, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.FoundationStack is { } foundationStack)
        {
            var foundation = new StackReference(foundationStack, new StackReferenceArgs { Name = foundationStack }, ChildOptions());
            var kubeconfig = foundation.RequireOutput(PlatformPlanner.KubeconfigOutput).Apply(value => (string)value);
            ClusterProvider = new K8s.Provider(TanzuPlanner.WorkloadProvider, new K8s.ProviderArgs { KubeConfig = Output.CreateSecret(kubeconfig) }, ChildOptions());
        }
        else
        {
            ClusterProvider = args.ClusterProvider;
        }

        var outputs = new Dictionary<string, object?>();
        if (ClusterProvider is { } provider)
        {
            ObjectStoreCredentials? store = null;
            if (MinioSpec.For(args.Options) is { } minio)
            {
                var minioStore = new MinioObjectStore(MinioPlanner.Name, new MinioObjectStoreArgs { Spec = minio, Provider = provider, StorageClass = args.DefaultStorageClass }, ChildComponentOptions());
                store = ObjectStoreCredentials.Generated(ObjectStoreAccess.For(args.Options)!, minioStore.IdentityPasswords, minioStore.PolicyJob);
                ObjectStoreEndpoint = minioStore.Endpoint;
                ObjectStoreConsole = minioStore.ConsoleUrl;
                ObjectStoreRootPassword = minioStore.RootPassword;
                outputs["objectStoreEndpoint"] = minioStore.Endpoint;
                outputs["objectStoreConsole"] = minioStore.ConsoleUrl;
            }
            else if (ObjectStoreAccess.For(args.Options) is { } external)
            {
                store = ObjectStoreCredentials.External(external, args.Secrets);
                ObjectStoreEndpoint = Output.Create(external.Endpoint);
                outputs["objectStoreEndpoint"] = ObjectStoreEndpoint;
            }

            PostgresDatabases? databases = null;
            if (PostgresSpec.For(args.Options) is { } postgres)
            {
                databases = new PostgresDatabases(PostgresPlanner.Name, new PostgresDatabasesArgs { Spec = postgres, Provider = provider, StorageClass = args.DefaultStorageClass, ObjectStore = store }, ChildComponentOptions());
                PostgresHost = databases.Host;
                outputs["postgresHost"] = databases.Host;
            }

            KeyValueStore? keyValueStore = null;
            if (RedisSpec.For(args.Options) is { } redis)
            {
                keyValueStore = new KeyValueStore(RedisPlanner.Name, new KeyValueStoreArgs { Spec = redis, Provider = provider, StorageClass = args.DefaultStorageClass }, ChildComponentOptions());
                RedisAddress = keyValueStore.Address;
                outputs["redisAddress"] = keyValueStore.Address;
            }

            if (MlflowSpec.For(args.Options) is { } mlflow && store is not null && databases is not null)
            {
                var registry = new ModelRegistry(MlflowPlanner.Name, new ModelRegistryArgs { Spec = mlflow, Provider = provider, Databases = databases, ObjectStore = store }, ChildComponentOptions());
                MlflowUrl = registry.Url;
                MlflowAdminPassword = registry.AdminPasswordOutput;
                outputs["mlflowUrl"] = registry.Url;
            }

            if (FeastSpec.For(args.Options) is { } feast && store is not null && databases is not null && keyValueStore is not null)
            {
                var features = new FeatureStore(FeastPlanner.Name, new FeatureStoreArgs { Spec = feast, Provider = provider, Databases = databases, KeyValueStore = keyValueStore, ObjectStore = store }, ChildComponentOptions());
                FeastOnlineUrl = features.OnlineUrl;
                FeastRegistry = features.RegistryLocation;
                outputs["feastOnlineUrl"] = features.OnlineUrl;
                outputs["feastRegistry"] = features.RegistryLocation;
            }

            if (GitlabSpec.For(args.Options) is { } gitlab && store is not null && databases is not null && keyValueStore is not null)
            {
                var sourceControl = new SourceControl(GitlabPlanner.Name, new SourceControlArgs { Spec = gitlab, Provider = provider, Databases = databases, KeyValueStore = keyValueStore, ObjectStore = store, StorageClass = args.DefaultStorageClass }, ChildComponentOptions());
                GitlabUrl = sourceControl.Url;
                GitlabRootPassword = sourceControl.RootPasswordOutput;
                outputs["gitlabUrl"] = sourceControl.Url;
            }

            var teams = ImmutableDictionary.CreateBuilder<string, Resource>(StringComparer.Ordinal);
            var teamSecrets = ImmutableDictionary.CreateBuilder<string, Resource>(StringComparer.Ordinal);
            foreach (var team in TeamNamespaces.For(args.Options))
            {
                teams[team.Name] = Namespaces.Create(team.Name, On(provider), team.Labels, team.Annotations, TeamNamespaces.ResourceName(team));
                if (store is not null)
                {
                    var identity = ObjectStoreSpec.TeamIdentity(team.Name);
                    teamSecrets[team.Name] = Secrets.Create(TeamNamespaces.StoreSecret, team.Name, null,
                        [("AWS_ACCESS_KEY_ID", store.AccessKey(identity)), ("AWS_SECRET_ACCESS_KEY", store.SecretKeys[identity])],
                        On(provider, [teams[team.Name], .. store.Ready]), TeamNamespaces.StoreSecretName(team.Name));
                }
            }

            if (KubeflowSpec.For(args.Options) is { } kubeflow)
            {
                var platform = new KubeflowPlatform(KubeflowPlanner.Name, new KubeflowArgs { Spec = kubeflow, Provider = provider, Databases = databases, TeamNamespaces = teams.ToImmutable(), TeamStoreSecrets = teamSecrets.ToImmutable() }, ChildComponentOptions());
                KubeflowUrl = platform.DashboardUrl;
                outputs["kubeflowUrl"] = platform.DashboardUrl;
            }

            if (SparkSpec.For(args.Options) is { } spark && store is not null)
            {
                var sparkOperator = new SparkOperator(SparkPlanner.Name, new SparkOperatorArgs { Spec = spark, Provider = provider, ObjectStore = store, TeamNamespaces = teams.ToImmutable() }, ChildComponentOptions());
                if (sparkOperator.HistoryServerUrl is { } historyServerUrl)
                {
                    SparkHistoryUrl = historyServerUrl;
                    outputs["sparkHistoryUrl"] = historyServerUrl;
                }
            }
        }

        RegisterOutputs(outputs);
    }

    /// <summary>The object store's in-cluster S3 endpoint, where MinIO runs.</summary>
    public Output<string>? ObjectStoreEndpoint { get; }

    /// <summary>The object store console's in-cluster URL, where MinIO runs.</summary>
    public Output<string>? ObjectStoreConsole { get; }

    /// <summary>MLflow's in-cluster tracking URL, where MLflow runs.</summary>
    public Output<string>? MlflowUrl { get; }

    /// <summary>MLflow's generated admin password, a secret, where MLflow runs.</summary>
    public Output<string>? MlflowAdminPassword { get; }

    /// <summary>Feast's online feature server in-cluster URL, where Feast runs.</summary>
    public Output<string>? FeastOnlineUrl { get; }

    /// <summary>Where Feast's registry lives (its database, without credentials), where Feast runs.</summary>
    public Output<string>? FeastRegistry { get; }

    /// <summary>The Spark history server's in-cluster URL, where it runs.</summary>
    public Output<string>? SparkHistoryUrl { get; }

    /// <summary>GitLab's external URL, where GitLab runs.</summary>
    public Output<string>? GitlabUrl { get; }

    /// <summary>GitLab's generated root password, a secret, where GitLab runs.</summary>
    public Output<string>? GitlabRootPassword { get; }

    /// <summary>Kubeflow's dashboard URL, where Kubeflow runs.</summary>
    public Output<string>? KubeflowUrl { get; }

    /// <summary>MinIO's generated root password, a secret, where MinIO runs.</summary>
    public Output<string>? ObjectStoreRootPassword { get; }

    /// <summary>The shared PostgreSQL cluster's read-write host, where a service needs it.</summary>
    public Output<string>? PostgresHost { get; }

    /// <summary>The shared Redis's address, where a service needs it.</summary>
    public Output<string>? RedisAddress { get; }

    /// <summary>The provider of the cluster the platform runs on; null before the cluster exists.</summary>
    public ProviderResource? ClusterProvider { get; }
}
