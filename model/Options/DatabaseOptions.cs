namespace Infra.Model.Options;

/// <summary>The shared PostgreSQL cluster's sizing (<c>mlops:platform.postgres</c>).</summary>
public sealed record DatabaseOptions
{
    /// <summary>PostgreSQL instances: 1, or 3 and more for a primary with standbys. Default: 1 in development, 3 in production.</summary>
    public int? Replicas { get; init; }

    /// <summary>Each instance's volume, a quantity. Default: 10Gi in development, 100Gi in production.</summary>
    public string? Storage { get; init; }
}
