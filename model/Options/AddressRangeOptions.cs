using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>A range of consecutive IPv4 addresses: the first and how many.</summary>
public sealed record AddressRangeOptions
{
    /// <summary>The first address. Required.</summary>
    [Description("the range's first IPv4 address")]
    [Required]
    public string? Address { get; init; }

    /// <summary>How many addresses, at least 1. Required.</summary>
    [Description("how many consecutive addresses")]
    [Required]
    public int? Count { get; init; }
}
