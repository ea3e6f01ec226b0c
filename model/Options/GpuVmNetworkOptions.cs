namespace Infra.Model.Options;

/// <summary>The network settings of a GPU VM group (<c>mlops:gpu.vms[i].network</c>), applied by guest customization.</summary>
public sealed record GpuVmNetworkOptions
{
    /// <summary>One static IPv4 address with prefix per VM (e.g. <c>10.0.10.21/24</c>). Default: DHCP.</summary>
    public IReadOnlyList<string>? Addresses { get; init; }

    /// <summary>The IPv4 gateway. Required with static addresses.</summary>
    public string? Gateway { get; init; }

    /// <summary>DNS servers. Default: none (DHCP's).</summary>
    public IReadOnlyList<string>? DnsServers { get; init; }

    /// <summary>The VMs' DNS domain. Default: <c>local</c>.</summary>
    public string? Domain { get; init; }
}
