using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Storage;

/// <summary>The rules of the storage tiers.</summary>
public static class StorageValidator
{
    /// <summary>Checks the storage settings of <paramref name="options"/>.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.DeploysFoundation && options.Storage?.Tiers is not { Count: > 0 })
        {
            errors.Fail(StorageErrors.TiersRequired, "mlops:storage:tiers", "is required: the vSphere Namespace and the workload cluster need at least one storage policy. Set one with 'pulumi config set --path mlops:storage.tiers[0].name gold'.");
        }

        if (options.Storage is not { } storage)
        {
            return;
        }

        var tiers = storage.Tiers ?? [];
        for (var i = 0; i < tiers.Count; i++)
        {
            errors.LabelAndUnique(tiers, t => t.Name, i, "mlops:storage:tiers", "tier");
        }

        if (storage.DefaultTier is { Length: > 0 } defaultTier && !tiers.Any(t => t.Name == defaultTier))
        {
            var known = tiers.Count == 0 ? "none are configured" : $"configured: {string.Join(", ", tiers.Select(t => t.Name))}";
            errors.Fail(StorageErrors.DefaultTier, "mlops:storage:defaultTier", $"'{defaultTier}' is not a configured storage tier ({known}). Set it with 'pulumi config set --path mlops:storage.defaultTier <tier>'.");
        }

        if (storage.ReclaimPolicy is { Length: > 0 } policy && policy is not ("Retain" or "Delete"))
        {
            errors.Fail(StorageErrors.ReclaimPolicy, "mlops:storage:reclaimPolicy", $"'{policy}' is not a reclaim policy: it must be Retain or Delete. Set it with 'pulumi config set --path mlops:storage.reclaimPolicy Retain'.");
        }
    }
}
