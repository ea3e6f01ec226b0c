using System.Collections.Immutable;

namespace Infra.Model.Gpu;

/// <summary>A static IPv4 configuration guest customization applies.</summary>
/// <param name="Address">The IPv4 address.</param>
/// <param name="PrefixLength">The network prefix length (the netmask).</param>
/// <param name="Gateway">The default gateway.</param>
/// <param name="DnsServers">DNS servers.</param>
public sealed record GpuVmStaticNetwork(string Address, int PrefixLength, string Gateway, ImmutableArray<string> DnsServers);
