using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Infra.Model.Monitoring;

/// <summary>What a panel draws: a series over time, the latest value, or the latest values as a table.</summary>
public enum PanelKind
{
    /// <summary>Series over time.</summary>
    TimeSeries,

    /// <summary>The latest value, large.</summary>
    Stat,

    /// <summary>The latest value of each series, one row each.</summary>
    Table,
}

/// <summary>A panel of a dashboard: one PromQL query, its legend and its unit.</summary>
/// <param name="Title">The panel's title.</param>
/// <param name="Kind">How it draws.</param>
/// <param name="Expression">The PromQL query.</param>
/// <param name="Legend">The legend of each series, with <c>{{label}}</c> for a label's value.</param>
/// <param name="Unit">Grafana's unit, e.g. <c>percent</c>, <c>s</c>, <c>bytes</c>, <c>reqps</c>.</param>
public sealed record Panel(string Title, PanelKind Kind, string Expression, string Legend, string Unit);

/// <summary>
/// A Grafana dashboard as code: a ConfigMap in the monitoring namespace with the sidecar's label, which Grafana
/// loads and keeps in step (edits in the UI are not kept: the plan is the source).
/// </summary>
/// <param name="Uid">Its stable ID, also the ConfigMap's name after <c>dashboard-</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Panels">Its panels, two a row.</param>
public sealed record Dashboard(string Uid, string Title, ImmutableArray<Panel> Panels)
{
    private const int Width = 12;
    private const int Height = 8;

    /// <summary>The ConfigMap's name.</summary>
    public string ConfigMapName => $"dashboard-{Uid}";

    /// <summary>The file the sidecar writes for Grafana.</summary>
    public string FileName => $"{Uid}.json";

    /// <summary>The dashboard's JSON model, on the default Prometheus data source.</summary>
    public string Json()
    {
        var panels = new JsonArray();
        for (var i = 0; i < Panels.Length; i++)
        {
            var panel = Panels[i];
            panels.Add((JsonNode)new JsonObject
            {
                ["id"] = i + 1,
                ["title"] = panel.Title,
                ["type"] = panel.Kind switch { PanelKind.Stat => "stat", PanelKind.Table => "table", _ => "timeseries" },
                ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = "prometheus" },
                ["gridPos"] = new JsonObject { ["x"] = i % 2 * Width, ["y"] = i / 2 * Height, ["w"] = Width, ["h"] = Height },
                ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = panel.Unit }, ["overrides"] = new JsonArray() },
                ["targets"] = new JsonArray(new JsonObject
                {
                    ["refId"] = "A",
                    ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = "prometheus" },
                    ["expr"] = panel.Expression,
                    ["legendFormat"] = panel.Legend,
                    ["instant"] = panel.Kind != PanelKind.TimeSeries,
                    ["range"] = panel.Kind == PanelKind.TimeSeries,
                }),
            });
        }

        var dashboard = new JsonObject
        {
            ["uid"] = Uid,
            ["title"] = Title,
            ["tags"] = new JsonArray("mlops"),
            ["timezone"] = "utc",
            ["schemaVersion"] = 39,
            ["editable"] = false,
            ["refresh"] = "1m",
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["panels"] = panels,
        };
        return dashboard.ToJsonString();
    }
}
