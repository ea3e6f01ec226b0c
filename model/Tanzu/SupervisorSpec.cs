using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Tanzu;

/// <summary>The Supervisor this stack enables, every decision made.</summary>
/// <param name="Name">The Supervisor's name.</param>
/// <param name="Size">The control plane size as vSphere spells it (<c>SMALL</c>).</param>
/// <param name="ControlPlaneCount">Control plane VMs.</param>
/// <param name="ManagementNetwork">The management port group.</param>
/// <param name="ManagementGateway">The management gateway with prefix.</param>
/// <param name="ManagementStartAddress">The first of the control plane's management addresses.</param>
/// <param name="WorkloadNetwork">The workload port group.</param>
/// <param name="WorkloadGateway">The workload gateway with prefix.</param>
/// <param name="NodeAddresses">Node addresses on the workload network.</param>
/// <param name="ServiceAddresses">Kubernetes service addresses.</param>
/// <param name="DnsServers">DNS servers.</param>
/// <param name="SearchDomains">DNS search domains.</param>
/// <param name="NtpServers">NTP servers.</param>
/// <param name="LoadBalancer">The load balancer.</param>
/// <param name="CertificateDnsNames">Extra names of the API certificate.</param>
public sealed record SupervisorSpec(
    string Name,
    string Size,
    int ControlPlaneCount,
    string ManagementNetwork,
    string ManagementGateway,
    string ManagementStartAddress,
    string WorkloadNetwork,
    string WorkloadGateway,
    AddressRange NodeAddresses,
    AddressRange ServiceAddresses,
    ImmutableArray<string> DnsServers,
    ImmutableArray<string> SearchDomains,
    ImmutableArray<string> NtpServers,
    LoadBalancerSpec LoadBalancer,
    ImmutableArray<string> CertificateDnsNames)
{
    /// <summary>Management addresses the control plane takes: one per VM, a floating one, and room for upgrades.</summary>
    public const int ManagementAddressCount = 5;

    /// <summary>The workload network's identifier within the Supervisor.</summary>
    public const string WorkloadNetworkId = "primary";

    /// <summary>The load balancer's identifier within the Supervisor.</summary>
    public const string EdgeId = "mlops-edge";

    /// <summary>The Supervisor of <paramref name="options"/>, or null where the stack does not enable one.</summary>
    public static SupervisorSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static SupervisorSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tanzu?.Supervisor is not { IsEnabled: true } supervisor)
        {
            return null;
        }

        var lb = supervisor.LoadBalancer!;
        var type = lb.Type ?? LoadBalancerType.Haproxy;
        return new SupervisorSpec(
            supervisor.Name ?? $"mlops-{options.Environment}",
            (supervisor.Size ?? SupervisorSize.Small).ToString().ToUpperInvariant(),
            supervisor.ControlPlaneCount ?? (options.IsProduction ? 3 : 1),
            supervisor.ManagementNetwork!,
            supervisor.ManagementGateway!,
            supervisor.ManagementStartAddress!,
            supervisor.WorkloadNetwork!,
            supervisor.WorkloadGateway!,
            Range(supervisor.NodeAddresses!),
            Range(supervisor.ServiceAddresses!),
            [.. supervisor.DnsServers ?? []],
            [.. supervisor.SearchDomains ?? []],
            [.. supervisor.NtpServers ?? []],
            new LoadBalancerSpec(
                type,
                Validated.Required(lb.Host),
                lb.Port ?? (type == LoadBalancerType.Haproxy ? 5556 : 443),
                Validated.Required(lb.Username),
                Validated.Required(lb.Password),
                Validated.Required(lb.CaChain),
                lb.CloudName,
                [.. (lb.AddressRanges ?? []).Select(Range)]),
            [.. supervisor.CertificateDnsNames ?? []]);
    }

    private static AddressRange Range(AddressRangeOptions range) => new(Validated.Required(range.Address), range.Count ?? 1);
}
