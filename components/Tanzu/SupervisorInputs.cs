using Infra.Components.Configuration;
using Pulumi;

namespace Infra.Components.Tanzu;

/// <summary>What enabling a Supervisor takes from the rest of the foundation.</summary>
public sealed class SupervisorInputs
{
    /// <summary>The datacenter's id, for the network look-ups.</summary>
    public required Output<string> DatacenterId { get; init; }

    /// <summary>The compute cluster to enable it on.</summary>
    public required Output<string> ComputeClusterId { get; init; }

    /// <summary>The storage policy of its control plane and images.</summary>
    public required Output<string> StoragePolicyId { get; init; }

    /// <summary>Where the load balancer password comes from.</summary>
    public required ISecretSource Secrets { get; init; }
}
