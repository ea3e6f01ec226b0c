using Infra.Components.Core;
using Infra.Model.Minio;

namespace Infra.Components.Minio;

/// <summary>What <see cref="MinioObjectStore"/> is planned from.</summary>
public sealed class MinioObjectStoreArgs : PlannedPartArgs
{
    /// <summary>The decisions of the model.</summary>
    public required MinioSpec Spec { get; init; }

    /// <summary>The StorageClass node of its volumes where the program creates it, else null.</summary>
    public string? StorageClassNodeId { get; init; }
}
