using System.Globalization;
using System.Text;

namespace Infra.Model.Planning;

/// <summary>
/// The deployment graph of a plan as Mermaid or Graphviz text: one group per dependency wave, an edge from each
/// node to what it waits for. Components are left out: they group, they do not deploy.
/// </summary>
public static class PlanGraphText
{
    /// <summary>A Mermaid flowchart, top to bottom, one subgraph per wave.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="highlight">Nodes to mark as changed.</param>
    /// <param name="only">Nodes to draw; all where null.</param>
    public static string Mermaid(Plan plan, IReadOnlySet<string>? highlight = null, IReadOnlySet<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ids = Ids(plan, only);
        var text = new StringBuilder("flowchart TB\n");
        foreach (var wave in Waves(plan, ids))
        {
            text.Append(CultureInfo.InvariantCulture, $"  subgraph wave{wave.Key}[\"wave {wave.Key}\"]\n");
            foreach (var node in wave)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {ids[node.Id]}[\"{Label(node, "<br/>")}\"]\n");
            }

            text.Append("  end\n");
        }

        foreach (var edge in Edges(plan, ids))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {ids[edge.Source]} --> {ids[edge.Target]}\n");
        }

        if (highlight?.Any(ids.ContainsKey) == true)
        {
            text.Append("  classDef changed fill:#fde68a,stroke:#b45309\n");
            text.Append(CultureInfo.InvariantCulture, $"  class {string.Join(',', highlight.Where(ids.ContainsKey).Select(h => ids[h]).Order(StringComparer.Ordinal))} changed\n");
        }

        return text.ToString();
    }

    /// <summary>A Graphviz digraph, one cluster per wave.</summary>
    public static string Dot(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ids = Ids(plan, only: null);
        var text = new StringBuilder("digraph plan {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        foreach (var wave in Waves(plan, ids))
        {
            text.Append(CultureInfo.InvariantCulture, $"  subgraph cluster_wave{wave.Key} {{\n    label=\"wave {wave.Key}\";\n");
            foreach (var node in wave)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {ids[node.Id]} [label=\"{Label(node, "\\n")}\"];\n");
            }

            text.Append("  }\n");
        }

        foreach (var edge in Edges(plan, ids))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {ids[edge.Source]} -> {ids[edge.Target]};\n");
        }

        return text.Append("}\n").ToString();
    }

    private static IEnumerable<IGrouping<int, PlanNode>> Waves(Plan plan, Dictionary<string, string> ids) =>
        plan.Nodes.Where(n => ids.ContainsKey(n.Id)).GroupBy(n => plan.Waves[n.Id]).OrderBy(g => g.Key);

    private static IEnumerable<QuikGraph.Edge<string>> Edges(Plan plan, Dictionary<string, string> ids) =>
        plan.Graph.Edges.Where(e => ids.ContainsKey(e.Source) && ids.ContainsKey(e.Target))
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal);

    // Stable, safe identifiers: n1, n2, ... in plan order.
    private static Dictionary<string, string> Ids(Plan plan, IReadOnlySet<string>? only) =>
        plan.Nodes.Where(n => plan.Waves.ContainsKey(n.Id) && (only is null || only.Contains(n.Id)))
            .Select((n, i) => (n.Id, Key: $"n{i + 1}")).ToDictionary(p => p.Id, p => p.Key, StringComparer.Ordinal);

    private static string Label(PlanNode node, string lineBreak)
    {
        var type = node.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal)
            ? $"provider {node.Type["pulumi:providers:".Length..]}"
            : node.Type[(node.Type.LastIndexOf(':') + 1)..];
        var kind = node.Kind switch { PlanNodeKind.DataSource => "look-up ", PlanNodeKind.Read => "read ", _ => string.Empty };
        return $"{kind}{type}{lineBreak}{node.Name}".Replace("\"", "'", StringComparison.Ordinal);
    }
}
