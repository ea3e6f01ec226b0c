using Infra.Components.Core;
using Infra.Model.Redis;

namespace Infra.Components.Redis;

/// <summary>What <see cref="KeyValueStore"/> is planned from.</summary>
public sealed class KeyValueStoreArgs : PlannedPartArgs
{
    /// <summary>The decisions of the model.</summary>
    public required RedisSpec Spec { get; init; }

    /// <summary>The StorageClass node of its volumes where the program creates it, else null.</summary>
    public string? StorageClassNodeId { get; init; }
}
