using System.Collections.Immutable;
using Infra.Model.Options;

namespace Infra.Model.Storage;

/// <summary>The storage decisions: the tiers, and whether their tags are created or looked up.</summary>
/// <param name="Tiers">The tiers, in config order.</param>
/// <param name="CreateTags">Whether the tag categories and tags are created (true) or looked up.</param>
public sealed record StorageSpec(ImmutableArray<StorageTierSpec> Tiers, bool CreateTags)
{
    /// <summary>The tag category tiers use unless they name one.</summary>
    public const string DefaultTagCategory = "mlops-storage-tier";

    /// <summary>The CSI driver of vSphere (the paravirtual one in TKG clusters).</summary>
    public const string Provisioner = "csi.vsphere.vmware.com";

    /// <summary>The default tier.</summary>
    public StorageTierSpec? Default => Tiers.FirstOrDefault(t => t.IsDefault);

    /// <summary>The distinct tag categories, in order of first use.</summary>
    public ImmutableArray<string> TagCategories => [.. Tiers.Select(t => t.TagCategory).Distinct(StringComparer.Ordinal)];

    /// <summary>The storage decisions for <paramref name="options"/>.</summary>
    public static StorageSpec For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static StorageSpec Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var storage = options.Storage;
        var tiers = storage?.Tiers ?? [];
        var defaultTier = storage?.DefaultTier ?? (tiers.Count > 0 ? tiers[0].Name : null);
        var reclaim = storage?.ReclaimPolicy ?? (options.IsProduction ? "Retain" : "Delete");
        var environment = Validated.Required(options.Environment);
        return new StorageSpec(
            [.. tiers.Select(t =>
            {
                var name = Validated.Required(t.Name);
                return new StorageTierSpec(
                    name,
                    PolicyName(environment, name),
                    t.TagCategory ?? (storage?.CreateTags == true ? CreatedTagCategory(environment) : DefaultTagCategory),
                    t.Tag ?? name,
                    name == defaultTier,
                    reclaim);
            })],
            storage?.CreateTags ?? false);
    }

    /// <summary>
    /// The tag category a stack creates when <c>createTags</c> is true: <c>mlops-&lt;environment&gt;-storage-tier</c>,
    /// its own, so that no two stacks create (and one delete) the same category. A looked-up category
    /// (<see cref="DefaultTagCategory"/>, or one named in config) is shared on purpose: stacks only read it.
    /// </summary>
    public static string CreatedTagCategory(string environment) => $"mlops-{environment}-storage-tier";

    /// <summary>The storage policy name of a tier: <c>mlops-&lt;environment&gt;-&lt;tier&gt;</c>, a DNS label as the Supervisor needs.</summary>
    public static string PolicyName(string environment, string tier) => $"mlops-{environment}-{tier}";
}
