using Infra.Model.Monitoring;

namespace Infra.Model.Redis;

/// <summary>What Prometheus scrapes of the shared Redis, and its alerts.</summary>
public static class RedisMonitoring
{
    /// <summary>The monitor's name and the <c>job</c> of its series.</summary>
    public const string Job = "redis";

    /// <summary>The chart's redis_exporter sidecar (<c>metrics.enabled</c>), through its metrics Service (port <c>metrics</c>, 9121).</summary>
    public static IEnumerable<ScrapeTarget> Targets(RedisSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ScrapeTarget.Service(Job, RedisSpec.Namespace,
            new Dictionary<string, string> { ["app.kubernetes.io/instance"] = RedisSpec.Release, ["app.kubernetes.io/component"] = "metrics" },
            "metrics", "valkey-io/valkey-helm@valkey-0.11.0:valkey/templates/metrics-svc.yaml, valkey/templates/_helpers.tpl (valkey.selectorLabels)");
    }

    /// <summary>The alerts: a server down, and memory nearly full.</summary>
    public static IEnumerable<AlertRule> Rules(RedisSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new AlertRule("RedisDown", $"redis_up{{job=\"{Job}\"}} == 0 or up{{job=\"{Job}\"}} == 0", "5m", AlertSeverity.Critical,
            "Redis server {{ $labels.pod }} is down.",
            "Feast's online features and GitLab's sessions and queues stop while it is. Check 'kubectl -n redis get pods' and the pod's log; the exporter's log says whether it failed to authenticate.");
        yield return new AlertRule("RedisMemoryNearlyFull", $"redis_memory_used_bytes{{job=\"{Job}\"}} / redis_memory_max_bytes{{job=\"{Job}\"}} > 0.9 and redis_memory_max_bytes{{job=\"{Job}\"}} > 0", "15m", AlertSeverity.Warning,
            "Redis server {{ $labels.pod }} uses more than 90% of its memory.",
            "Raise mlops:platform.redis.memory, or shorten Feast's online TTLs; at the limit, writes fail.");
    }
}
