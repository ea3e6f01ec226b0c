using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>A storage tier (<c>mlops:storage.tiers[i]</c>): a storage policy placing disks on datastores carrying a tag.</summary>
public sealed record StorageTierOptions
{
    /// <summary>The tier's name, a DNS label (e.g. <c>gold</c>). Required.</summary>
    [Description("the tier's name, a DNS label such as 'gold'")]
    [Required]
    public string? Name { get; init; }

    /// <summary>The tag category of the placement rule. Default: <c>mlops-storage-tier</c>.</summary>
    public string? TagCategory { get; init; }

    /// <summary>The tag that datastores of this tier carry. Default: the tier's name.</summary>
    public string? Tag { get; init; }
}
