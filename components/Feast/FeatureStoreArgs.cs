using Infra.Components.ObjectStore;
using Infra.Components.Postgres;
using Infra.Components.Redis;
using Infra.Model.Feast;
using Pulumi;

namespace Infra.Components.Feast;

/// <summary>What the feature store is built from.</summary>
public sealed class FeatureStoreArgs
{
    /// <summary>The feature store's decisions.</summary>
    public required FeastSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The shared PostgreSQL cluster, with Feast's registry database.</summary>
    public required PostgresDatabases Databases { get; init; }

    /// <summary>The shared key-value store, with Feast's user.</summary>
    public required KeyValueStore KeyValueStore { get; init; }

    /// <summary>The object store, with Feast's buckets and identity.</summary>
    public required ObjectStoreCredentials ObjectStore { get; init; }
}
