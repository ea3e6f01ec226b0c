using Infra.Model.Monitoring;

namespace Infra.Model.Feast;

/// <summary>What Prometheus scrapes of Feast, and its alerts.</summary>
public static class FeastMonitoring
{
    /// <summary>The monitor's name and the <c>job</c> of its series.</summary>
    public const string Job = "feast-online";

    /// <summary>The online feature server's metrics (<c>server.metrics</c>: <c>feast serve --metrics</c>), on its Service's <c>metrics</c> port, 8000.</summary>
    public static IEnumerable<ScrapeTarget> Targets(FeastSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ScrapeTarget.Service(Job, FeastSpec.Namespace,
            new Dictionary<string, string> { ["feast.dev/name"] = FeastSpec.StoreName, ["feast.dev/service-type"] = "online" },
            "metrics", "feast-dev/feast@v0.66.0:infra/feast-operator/internal/controller/services/services.go, service_monitor.go");
    }

    /// <summary>The alerts: the online server down, and its requests failing.</summary>
    public static IEnumerable<AlertRule> Rules(FeastSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new AlertRule("FeastOnlineServerDown", $"sum(up{{job=\"{Job}\"}}) == 0", "5m", AlertSeverity.Critical,
            "Feast's online feature server is down: models that read online features fail.",
            "Check 'kubectl -n feast get pods' and the online container's log; it fails to start when Redis or the registry's PostgreSQL refuse its credentials.");
        yield return new AlertRule("FeastOnlineErrors", $"sum(rate(feast_feature_server_request_total{{job=\"{Job}\", status!~\"2..\"}}[5m])) / sum(rate(feast_feature_server_request_total{{job=\"{Job}\"}}[5m])) > 0.05", "10m", AlertSeverity.Warning,
            "More than 5% of Feast's online requests fail.",
            "The server's log names the failing feature views; a view whose materialization stopped returns stale or missing values.");
    }
}
