namespace Infra.Model.Options;

/// <summary>The shared Redis-compatible store's sizing (<c>mlops:platform.redis</c>), deployed when Feast or GitLab needs it.</summary>
public sealed record RedisOptions
{
    /// <summary>Instances: 1 runs a single server; more run a primary with read replicas. Default: 1 in development, 3 in production.</summary>
    public int? Replicas { get; init; }

    /// <summary>Each instance's volume, a quantity. Default: 5Gi in development, 20Gi in production.</summary>
    public string? Storage { get; init; }

    /// <summary>Each instance's memory request and limit, a quantity. Default: 512Mi in development, 4Gi in production.</summary>
    public string? Memory { get; init; }
}
