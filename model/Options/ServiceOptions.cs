namespace Infra.Model.Options;

/// <summary>A platform service's block (<c>mlops:platform.&lt;service&gt;</c>): whether it runs and how big it is.</summary>
public record ServiceOptions
{
    /// <summary>Whether the service is deployed. Default: whether the maturity level includes it.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Replicas of the service's main workload, at least 1. Default: 1 in development, the service's HA count in production.</summary>
    public int? Replicas { get; init; }

    /// <summary>CPU request of the main workload, a Kubernetes quantity (e.g. <c>500m</c>, <c>2</c>). Default: the service's own.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory request of the main workload, a Kubernetes quantity (e.g. <c>4Gi</c>). Default: the service's own.</summary>
    public string? Memory { get; init; }

    /// <summary>Persistent volume size, a Kubernetes quantity (e.g. <c>100Gi</c>). Default: the service's own.</summary>
    public string? Storage { get; init; }
}
