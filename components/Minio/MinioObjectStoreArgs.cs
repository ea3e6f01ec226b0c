using Infra.Model.Minio;
using Pulumi;

namespace Infra.Components.Minio;

/// <summary>What the MinIO object store is built from.</summary>
public sealed class MinioObjectStoreArgs
{
    /// <summary>The MinIO decisions.</summary>
    public required MinioSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The StorageClass of the tenant's volumes, where this stack creates it.</summary>
    public Resource? StorageClass { get; init; }
}
