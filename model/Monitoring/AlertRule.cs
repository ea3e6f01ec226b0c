using System.Text.Json.Nodes;

namespace Infra.Model.Monitoring;

/// <summary>How urgently an alert asks for a person.</summary>
public enum AlertSeverity
{
    /// <summary>Something degrades or will fail soon: look at it in working hours.</summary>
    Warning,

    /// <summary>Something users rely on is down or losing data: act now.</summary>
    Critical,
}

/// <summary>
/// An alert a technology declares on its own metrics, with the text a person on call reads: what is wrong and what
/// to do. Monitoring renders each technology's rules as one group of a PrometheusRule.
/// </summary>
/// <param name="Name">The alert's name, e.g. <c>PostgresReplicationLagHigh</c>.</param>
/// <param name="Expression">The PromQL expression; every series it returns fires.</param>
/// <param name="For">How long the expression holds before the alert fires, e.g. <c>5m</c>.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Summary">One line, with <c>{{ $labels.x }}</c> where a label says which.</param>
/// <param name="Runbook">What to check and do, in order.</param>
public sealed record AlertRule(string Name, string Expression, string For, AlertSeverity Severity, string Summary, string Runbook)
{
    /// <summary>The rule as the PrometheusRule CRD takes it.</summary>
    public JsonObject Manifest() => new()
    {
        ["alert"] = Name,
        ["expr"] = Expression,
        ["for"] = For,
        ["labels"] = new JsonObject { ["severity"] = Severity == AlertSeverity.Critical ? "critical" : "warning" },
        ["annotations"] = new JsonObject { ["summary"] = Summary, ["runbook"] = Runbook },
    };
}
