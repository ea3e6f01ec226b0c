using Infra.Model.Kubernetes;
using Infra.Model.Minio;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Postgres;
using Infra.Model.Redis;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Feast;

/// <summary>The plan nodes of the feature store (<c>infra:ml:FeatureStore</c>).</summary>
public static class FeastPlanner
{
    /// <summary>This project's feature store component.</summary>
    public const string ComponentType = "infra:ml:FeatureStore";

    /// <summary>The component's logical name, and Feast's object store identity.</summary>
    public const string Name = "feast";

    /// <summary>The operator bundle's logical name.</summary>
    public const string OperatorBundle = "feast-operator";

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(FeastSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [KeyValuePair.Create(StackOutputs.FeastOnlineUrl, PlanValue.Of(FeastSpec.OnlineUrl)), KeyValuePair.Create(StackOutputs.FeastRegistry, PlanValue.Of(spec.RegistryLocation))];
    }

    /// <summary>The hand-off of the client configuration.</summary>
    public const string ClientConfigPath = "feast/feature_store.yaml";

    /// <summary>What the stack hands to the teams: the client configuration of the feature store.</summary>
    public static IEnumerable<PlanHandoff> Handoffs(FeastSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new PlanHandoff(ClientConfigPath,
            "For the teams: the client configuration (feature_store.yaml) their feature repositories, notebooks and pipelines reach the feature store with.",
            spec.ClientConfig());
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The feature store's decisions.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(FeastSpec spec, string providerId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var store = spec.Store;
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var bundle = Resource(KubernetesTokens.ConfigFile, OperatorBundle, component.Id, ("file", PlanValue.Of(spec.OperatorBundle)))
            with { Provider = providerId, Transforms = spec.Registry is { } registry ? [new PlanTransform.MirrorImages(registry)] : [] };
        yield return bundle;

        var ns = KubernetesNodes.Namespace(FeastSpec.Namespace, component.Id, providerId, PodSecurity.BaselineReportingRestricted);
        yield return ns;

        var dataStores = KubernetesNodes.Secret(FeastSpec.DataStoresSecret, FeastSpec.Namespace, null,
            spec.DataStores().Select(s => (s.Key, PlanValue.Of(s.Value))), component.Id, providerId)
            with { DependsOn = [ns.Id] };
        yield return dataStores;

        var databasePassword = PlanNode.IdOf(KubernetesTokens.RandomPassword, PostgresPlanner.Password(spec.User));
        var redisPassword = PlanNode.IdOf(KubernetesTokens.RandomPassword, RedisPlanner.Password(FeastSpec.RedisUser));
        var credentials = KubernetesNodes.Secret(FeastSpec.CredentialsSecret, FeastSpec.Namespace, null,
            [
                ("POSTGRES_PASSWORD", PlanValue.Generated(databasePassword)),
                ("REDIS_PASSWORD", PlanValue.Generated(redisPassword)),
                .. store.EnvironmentKeys(Name),
            ], component.Id, providerId)
            with { DependsOn = [ns.Id, databasePassword, redisPassword, .. store.KeyNodes(Name)] };
        yield return credentials;

        var databases = spec.User.Databases.Select(d => PlanNode.IdOf(KubernetesTokens.CustomResource("postgresql.cnpg.io/v1", "Database"), PostgresSpec.ResourceName(d)));
        yield return KubernetesNodes.Manifest(spec.FeatureStore(), component.Id, providerId)
            with
            {
                DependsOn = [bundle.Id, dataStores.Id, credentials.Id, .. databases,
                    PlanNode.IdOf(KubernetesTokens.HelmRelease, RedisSpec.Release), .. store.Ready],
            };
    }
}
