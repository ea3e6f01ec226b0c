using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Tanzu;

/// <summary>The Supervisor's load balancer, every decision made.</summary>
/// <param name="Type">HAProxy or NSX Advanced.</param>
/// <param name="Host">Its API host.</param>
/// <param name="Port">Its API port.</param>
/// <param name="Username">The API user.</param>
/// <param name="Password">Where the API password secret lives.</param>
/// <param name="CaChain">The PEM chain of its certificate authority.</param>
/// <param name="CloudName">The Avi cloud, for NSX Advanced.</param>
/// <param name="AddressRanges">The virtual IP ranges.</param>
public sealed record LoadBalancerSpec(LoadBalancerType Type, string Host, int Port, string Username, SecretSetting Password, string CaChain, string? CloudName, ImmutableArray<AddressRange> AddressRanges);
