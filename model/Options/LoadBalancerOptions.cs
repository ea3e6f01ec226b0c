using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>The Supervisor's load balancer (<c>mlops:tanzu.supervisor.loadBalancer</c>).</summary>
public sealed record LoadBalancerOptions
{
    /// <summary>HAProxy or NSX Advanced. Required.</summary>
    [Description("the load balancer, haproxy or nsxAdvanced")]
    [Required]
    public LoadBalancerType? Type { get; init; }

    /// <summary>The HAProxy data plane API or the Avi controller host. Required.</summary>
    [Description("the load balancer's API host")]
    [Required]
    public string? Host { get; init; }

    /// <summary>Its API port. Default 5556 for HAProxy, 443 for NSX Advanced.</summary>
    public int? Port { get; init; }

    /// <summary>The API user. Required.</summary>
    [Description("the load balancer API's user")]
    [Required]
    public string? Username { get; init; }

    /// <summary>The API password, always a secret. Required.</summary>
    [Description("the load balancer API's password")]
    [Required]
    public SecretSetting? Password { get; init; }

    /// <summary>The PEM certificate chain that signs the API's certificate. Required.</summary>
    [Description("the PEM chain of the load balancer API's certificate authority")]
    [Required]
    public string? CaChain { get; init; }

    /// <summary>The Avi cloud's name (NSX Advanced). Default: the controller's default cloud.</summary>
    public string? CloudName { get; init; }

    /// <summary>The virtual IP ranges it serves. Required, at least one.</summary>
    public IReadOnlyList<AddressRangeOptions>? AddressRanges { get; init; }
}
