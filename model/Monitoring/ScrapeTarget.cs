using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Infra.Model.Monitoring;

/// <summary>What Prometheus scrapes a workload through: its Service's endpoints, or its pods directly.</summary>
public enum ScrapeKind
{
    /// <summary>A ServiceMonitor: the endpoints of the Services that match, on a named Service port.</summary>
    Service,

    /// <summary>A PodMonitor: the pods that match, on a named container port.</summary>
    Pod,
}

/// <summary>
/// A workload's metrics as Prometheus scrapes them, declared by the technology that runs the workload and rendered
/// by monitoring as a ServiceMonitor or PodMonitor in the monitoring namespace that selects it across namespaces.
/// </summary>
/// <param name="Name">The monitor's name, which is also the <c>job</c> label of its series (e.g. <c>cnpg-postgres</c>).</param>
/// <param name="Kind">Through a Service or the pods.</param>
/// <param name="Namespaces">The namespaces the workload runs in; empty for every namespace (the teams' endpoints).</param>
/// <param name="Selector">The labels of the Services or pods, as the pinned release sets them.</param>
/// <param name="Port">The name of the Service or container port that serves the metrics.</param>
/// <param name="Path">The metrics path.</param>
/// <param name="Source">Where in the pinned release the selector and port are written, for a reader to check.</param>
public sealed record ScrapeTarget(string Name, ScrapeKind Kind, ImmutableArray<string> Namespaces, ImmutableSortedDictionary<string, string> Selector, string Port, string Path, string Source)
{
    /// <summary>Labels the Services or pods carry whatever their value (a selector's <c>Exists</c>), beside <see cref="Selector"/>.</summary>
    public ImmutableArray<string> Present { get; init; } = [];

    /// <summary>How often every target is scraped.</summary>
    public const string Interval = "30s";

    /// <summary>A target through the Services labelled <paramref name="selector"/> in <paramref name="ns"/>.</summary>
    public static ScrapeTarget Service(string name, string ns, IReadOnlyDictionary<string, string> selector, string port, string source, string path = "/metrics") =>
        new(name, ScrapeKind.Service, [ns], selector.ToImmutableSortedDictionary(StringComparer.Ordinal), port, path, source);

    /// <summary>A target through the pods labelled <paramref name="selector"/> in <paramref name="namespaces"/>.</summary>
    public static ScrapeTarget Pods(string name, IEnumerable<string> namespaces, IReadOnlyDictionary<string, string> selector, string port, string source, string path = "/metrics") =>
        new(name, ScrapeKind.Pod, [.. namespaces], selector.ToImmutableSortedDictionary(StringComparer.Ordinal), port, path, source);

    private JsonObject LabelSelector(JsonObject matchLabels)
    {
        var selector = new JsonObject { ["matchLabels"] = matchLabels };
        if (!Present.IsEmpty)
        {
            selector["matchExpressions"] = new JsonArray([.. Present.Select(key => (JsonNode)new JsonObject { ["key"] = key, ["operator"] = "Exists" })]);
        }

        return selector;
    }

    /// <summary>The monitor's kind.</summary>
    public string MonitorKind => Kind == ScrapeKind.Service ? "ServiceMonitor" : "PodMonitor";

    /// <summary>The ServiceMonitor or PodMonitor, in <paramref name="monitoringNamespace"/>, its series' <c>job</c> label set to <see cref="Name"/>.</summary>
    public JsonObject Manifest(string monitoringNamespace)
    {
        var endpoint = new JsonObject
        {
            ["port"] = Port,
            ["path"] = Path,
            ["interval"] = Interval,
            ["relabelings"] = new JsonArray(new JsonObject { ["action"] = "replace", ["targetLabel"] = "job", ["replacement"] = Name }),
        };
        var selector = new JsonObject();
        foreach (var (key, value) in Selector)
        {
            selector[key] = value;
        }

        return new JsonObject
        {
            ["apiVersion"] = MonitoringSpec.ApiVersion,
            ["kind"] = MonitorKind,
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = monitoringNamespace },
            ["spec"] = new JsonObject
            {
                ["namespaceSelector"] = Namespaces.IsEmpty
                    ? new JsonObject { ["any"] = true }
                    : new JsonObject { ["matchNames"] = new JsonArray([.. Namespaces.Select(n => (JsonNode)n)]) },
                ["selector"] = LabelSelector(selector),
                [Kind == ScrapeKind.Service ? "endpoints" : "podMetricsEndpoints"] = new JsonArray(endpoint),
            },
        };
    }
}
