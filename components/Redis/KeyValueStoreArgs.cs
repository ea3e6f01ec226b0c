using Infra.Model.Redis;
using Pulumi;

namespace Infra.Components.Redis;

/// <summary>What the shared key-value store is built from.</summary>
public sealed class KeyValueStoreArgs
{
    /// <summary>The store's decisions.</summary>
    public required RedisSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The StorageClass of the volumes where this stack creates it, else null.</summary>
    public Resource? StorageClass { get; init; }
}
