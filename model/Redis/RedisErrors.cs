using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Redis.RedisErrors))]

namespace Infra.Model.Redis;

/// <summary>The rules of the shared Redis.</summary>
public static class RedisErrors
{
    /// <summary>No instance.</summary>
    public static readonly ErrorCode Replicas = new("MLOPS0901", "mlops:platform.redis.replicas", "Redis runs at least 1 instance.");
}
