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

        var outputs = new Dictionary<string, Output<string>>(StringComparer.Ordinal);
        if (ClusterProvider is { } provider)
        {
            ObjectStoreCredentials? store = null;
            if (MinioSpec.For(args.Options) is { } minio)
            {
                var minioStore = new MinioObjectStore(MinioPlanner.Name, new MinioObjectStoreArgs { Spec = minio, Provider = provider, StorageClass = args.DefaultStorageClass }, ChildComponentOptions());
                store = ObjectStoreCredentials.Generated(ObjectStoreAccess.For(args.Options)!, minioStore.IdentityPasswords, minioStore.PolicyJob);
                outputs["objectStoreEndpoint"] = minioStore.Endpoint;
                outputs["objectStoreConsole"] = minioStore.ConsoleUrl;
                outputs["objectStoreRootPassword"] = minioStore.RootPassword;
            }
            else if (ObjectStoreAccess.For(args.Options) is { } external)
            {
                store = ObjectStoreCredentials.External(external, args.Secrets);
                outputs["objectStoreEndpoint"] = Output.Create(external.Endpoint);
            }

            PostgresDatabases? databases = null;
            if (PostgresSpec.For(args.Options) is { } postgres)
            {
                databases = new PostgresDatabases(PostgresPlanner.Name, new PostgresDatabasesArgs { Spec = postgres, Provider = provider, StorageClass = args.DefaultStorageClass, ObjectStore = store }, ChildComponentOptions());
                outputs["postgresHost"] = databases.Host;
            }

            KeyValueStore? keyValueStore = null;
            if (RedisSpec.For(args.Options) is { } redis)
            {
                keyValueStore = new KeyValueStore(RedisPlanner.Name, new KeyValueStoreArgs { Spec = redis, Provider = provider, StorageClass = args.DefaultStorageClass }, ChildComponentOptions());
                outputs["redisAddress"] = keyValueStore.Address;
            }

            if (FeastSpec.For(args.Options) is { } feast && store is not null && databases is not null && keyValueStore is not null)
            {
                var features = new FeatureStore(FeastPlanner.Name, new FeatureStoreArgs { Spec = feast, Provider = provider, Databases = databases, KeyValueStore = keyValueStore, ObjectStore = store }, ChildComponentOptions());
                outputs["feastOnlineUrl"] = features.OnlineUrl;
                outputs["feastRegistry"] = features.RegistryLocation;
            }

            if (GitlabSpec.For(args.Options) is { } gitlab && store is not null && databases is not null && keyValueStore is not null)
            {
                var sourceControl = new SourceControl(GitlabPlanner.Name, new SourceControlArgs { Spec = gitlab, Provider = provider, Databases = databases, KeyValueStore = keyValueStore, ObjectStore = store, StorageClass = args.DefaultStorageClass }, ChildComponentOptions());
                outputs["gitlabUrl"] = sourceControl.Url;
                outputs["gitlabRootPassword"] = sourceControl.RootPasswordOutput;
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
                        store.EnvironmentKeys(identity),
                        On(provider, [teams[team.Name], .. store.Ready]), TeamNamespaces.StoreSecretName(team.Name));
                }
            }

            var teamMlflowSecrets = ImmutableDictionary<string, Resource>.Empty;
            if (MlflowSpec.For(args.Options) is { } mlflow && store is not null && databases is not null)
            {
                var registry = new ModelRegistry(MlflowPlanner.Name, new ModelRegistryArgs { Spec = mlflow, Provider = provider, Databases = databases, ObjectStore = store, TeamUsers = MlflowTeamUsers.For(args.Options), TeamNamespaces = teams.ToImmutable() }, ChildComponentOptions());
                outputs["mlflowUrl"] = registry.Url;
                outputs["mlflowAdminPassword"] = registry.AdminPasswordOutput;
                teamMlflowSecrets = registry.TeamSecrets;
            }

            if (KubeflowSpec.For(args.Options) is { } kubeflow)
            {
                var platform = new KubeflowPlatform(KubeflowPlanner.Name, new KubeflowArgs { Spec = kubeflow, Provider = provider, Databases = databases, ObjectStore = store, TeamNamespaces = teams.ToImmutable(), TeamStoreSecrets = teamSecrets.ToImmutable(), TeamMlflowSecrets = teamMlflowSecrets, GitlabClientSecret = kubeflow.GitlabSignIn is { } signIn ? args.Secrets.Require(signIn.ClientSecret) : null }, ChildComponentOptions());
                outputs["kubeflowUrl"] = platform.DashboardUrl;
                if (platform.PipelinesUrl is { } pipelinesUrl && platform.MetadataEndpoint is { } metadataEndpoint)
                {
                    outputs["kubeflowPipelinesUrl"] = pipelinesUrl;
                    outputs["mlMetadataEndpoint"] = metadataEndpoint;
                }
            }

            if (SparkSpec.For(args.Options) is { } spark && store is not null)
            {
                var sparkOperator = new SparkOperator(SparkPlanner.Name, new SparkOperatorArgs { Spec = spark, Provider = provider, ObjectStore = store, TeamNamespaces = teams.ToImmutable() }, ChildComponentOptions());
                if (sparkOperator.HistoryServerUrl is { } historyServerUrl)
                {
                    outputs["sparkHistoryUrl"] = historyServerUrl;
                }
            }
        }

        Exports = outputs;
        RegisterOutputs(outputs.ToDictionary(o => o.Key, o => (object?)o.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// What the stack exports for the platform, by output name: each running service's endpoints, and its
    /// generated administrator credentials as secrets.
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> Exports { get; }

    /// <summary>The provider of the cluster the platform runs on; null before the cluster exists.</summary>
    public ProviderResource? ClusterProvider { get; }
}
