using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Storage.StorageErrors))]

namespace Infra.Model.Storage;

/// <summary>The rules of the storage tiers.</summary>
public static class StorageErrors
{
    /// <summary>No storage tier.</summary>
    public static readonly ErrorCode TiersRequired = new("MLOPS0401", "mlops:storage.tiers", "A stack that deploys the foundation has at least one storage tier: the vSphere Namespace and the cluster need a storage policy.");

    /// <summary>A default tier that is not configured.</summary>
    public static readonly ErrorCode DefaultTier = new("MLOPS0402", "mlops:storage.defaultTier", "The default tier is one of the configured tiers.");

    /// <summary>An unknown reclaim policy.</summary>
    public static readonly ErrorCode ReclaimPolicy = new("MLOPS0403", "mlops:storage.reclaimPolicy", "The reclaim policy is Retain or Delete.");
}
