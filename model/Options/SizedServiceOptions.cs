namespace Infra.Model.Options;

/// <summary>The block of a service whose main workload the stack sizes: replicas and requests.</summary>
public abstract record SizedServiceOptions : ServiceOptions
{
    /// <summary>Replicas of the service's main workload, at least 1. Default: 1 in development, the service's HA count in production.</summary>
    public int? Replicas { get; init; }

    /// <summary>CPU request of the main workload, a Kubernetes quantity (e.g. <c>500m</c>, <c>2</c>). Default: the service's own.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory request of the main workload, a Kubernetes quantity (e.g. <c>4Gi</c>). Default: the service's own.</summary>
    public string? Memory { get; init; }

    /// <inheritdoc />
    public override ServiceSizing Sizing => new(Replicas, Cpu, Memory, null);
}
