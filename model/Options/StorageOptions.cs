namespace Infra.Model.Options;

/// <summary>Storage tiers (<c>mlops:storage</c>), each a vSphere storage policy and a StorageClass in the cluster.</summary>
public sealed record StorageOptions
{
    /// <summary>The tiers. Default: none.</summary>
    public IReadOnlyList<StorageTierOptions>? Tiers { get; init; }

    /// <summary>
    /// Whether the stack creates the tag categories and tags of the tiers' placement rules (then tag the datastores
    /// in vCenter). Default false: they exist and are looked up.
    /// </summary>
    public bool? CreateTags { get; init; }

    /// <summary>The tier whose StorageClass is the cluster default. Default: the first tier.</summary>
    public string? DefaultTier { get; init; }

    /// <summary>Reclaim policy of the StorageClasses: <c>Retain</c> or <c>Delete</c>. Default: Retain in production, Delete otherwise.</summary>
    public string? ReclaimPolicy { get; init; }
}
