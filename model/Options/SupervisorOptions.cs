namespace Infra.Model.Options;

/// <summary>
/// Enabling the Supervisor (<c>mlops:tanzu.supervisor</c>) on the compute cluster with vSphere networking (a VDS)
/// and an HAProxy or NSX Advanced load balancer. Off by default: most sites already have a Supervisor.
/// </summary>
public sealed record SupervisorOptions
{
    /// <summary>Whether this stack enables the Supervisor. Default false.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The Supervisor's name. Default <c>mlops-&lt;environment&gt;</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The control plane VMs' size. Default <see cref="SupervisorSize.Small"/>.</summary>
    public SupervisorSize? Size { get; init; }

    /// <summary>Control plane VMs, 1 or 3. Default 1 in development, 3 in production.</summary>
    public int? ControlPlaneCount { get; init; }

    /// <summary>The management port group of the control plane VMs. Required when enabled.</summary>
    public string? ManagementNetwork { get; init; }

    /// <summary>The management network's gateway with its prefix, e.g. <c>10.0.0.1/24</c>. Required when enabled.</summary>
    public string? ManagementGateway { get; init; }

    /// <summary>The first of five consecutive management addresses the control plane takes. Required when enabled.</summary>
    public string? ManagementStartAddress { get; init; }

    /// <summary>The workload port group. Required when enabled.</summary>
    public string? WorkloadNetwork { get; init; }

    /// <summary>The workload network's gateway with its prefix, e.g. <c>192.168.0.1/16</c>. Required when enabled.</summary>
    public string? WorkloadGateway { get; init; }

    /// <summary>The workload network addresses of cluster nodes. Required when enabled.</summary>
    public AddressRangeOptions? NodeAddresses { get; init; }

    /// <summary>The Kubernetes service addresses. Required when enabled.</summary>
    public AddressRangeOptions? ServiceAddresses { get; init; }

    /// <summary>DNS servers. Required when enabled.</summary>
    public IReadOnlyList<string>? DnsServers { get; init; }

    /// <summary>DNS search domains. Default: none.</summary>
    public IReadOnlyList<string>? SearchDomains { get; init; }

    /// <summary>NTP servers. Required when enabled.</summary>
    public IReadOnlyList<string>? NtpServers { get; init; }

    /// <summary>The load balancer in front of the Supervisor and cluster APIs. Required when enabled.</summary>
    public LoadBalancerOptions? LoadBalancer { get; init; }

    /// <summary>Extra DNS names of the Supervisor API certificate. Default: none.</summary>
    public IReadOnlyList<string>? CertificateDnsNames { get; init; }

    /// <summary>The effective flag.</summary>
    public bool IsEnabled => Enabled ?? false;
}
