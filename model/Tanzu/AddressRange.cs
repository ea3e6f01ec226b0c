namespace Infra.Model.Tanzu;

/// <summary>A range of consecutive IPv4 addresses.</summary>
/// <param name="Address">The first address.</param>
/// <param name="Count">How many.</param>
public sealed record AddressRange(string Address, int Count);
