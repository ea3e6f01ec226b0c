namespace Infra.Model.Options;

/// <summary>A platform service's block (<c>mlops:platform.&lt;service&gt;</c>): whether it runs, and the settings that service reads.</summary>
public abstract record ServiceOptions
{
    /// <summary>Whether the service is deployed. Default: whether the maturity level includes it.</summary>
    public bool? Enabled { get; init; }

    /// <summary>The sizing settings the service reads, for their shared checks; unset where it reads none.</summary>
    public virtual ServiceSizing Sizing => default;
}

/// <summary>The sizing a service's block sets: what is null is not set, or not read by that service.</summary>
/// <param name="Replicas">Replicas of its main workload.</param>
/// <param name="Cpu">CPU request of its main workload.</param>
/// <param name="Memory">Memory request of its main workload.</param>
/// <param name="Storage">The size of its storage.</param>
public readonly record struct ServiceSizing(int? Replicas, string? Cpu, string? Memory, string? Storage);
