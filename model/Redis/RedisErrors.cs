using Infra.Model.Configuration;

namespace Infra.Model.Redis;

/// <summary>The rules of the shared Redis.</summary>
[ErrorCatalogue]
public static class RedisErrors
{
    /// <summary>No instance.</summary>
    public static readonly ErrorCode Replicas = new("MLOPS0901", "mlops:platform.redis.replicas", "Redis runs at least 1 instance.");
}
