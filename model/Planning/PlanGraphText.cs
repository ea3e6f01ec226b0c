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
    /// <param name="plan">The plan.</param>
    /// <param name="only">Nodes to draw; all where null.</param>
    public static string Dot(Plan plan, IReadOnlySet<string>? only = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ids = Ids(plan, only);
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

    /// <summary>The nodes that deploy below a component (its name or id), for drawing one component; null when there is none.</summary>
    public static IReadOnlySet<string>? Within(Plan plan, string component)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var roots = plan.Nodes.Where(n => n.Kind == PlanNodeKind.Component && (n.Name == component || n.Id == component)).ToList();
        if (roots.Count == 0)
        {
            return null;
        }

        var inside = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots.Select(r => r.Id));
        while (pending.TryPop(out var id))
        {
            foreach (var child in plan.ChildrenOf(id))
            {
                inside.Add(child.Id);
                pending.Push(child.Id);
            }
        }

        return inside;
    }

    /// <summary>
    /// The overview a person reads: one box per component that deploys resources of its own (its innermost
    /// component holds each resource), in wave order top to bottom, and one arrow per pair of boxes, from what comes
    /// first, labelled with how many dependencies it stands for.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="dot">Graphviz text; Mermaid where false.</param>
    public static string Overview(Plan plan, bool dot = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var box = new Dictionary<string, PlanNode>(StringComparer.Ordinal);
        foreach (var node in plan.Nodes.Where(n => plan.Waves.ContainsKey(n.Id)))
        {
            var owner = node.Parent is null ? null : plan[node.Parent];
            while (owner is not null && owner.Kind != PlanNodeKind.Component)
            {
                owner = owner.Parent is null ? null : plan[owner.Parent];
            }

            if (owner is not null)
            {
                box[node.Id] = owner;
            }
        }

        var boxes = Topological(
            box.GroupBy(b => b.Value.Id, StringComparer.Ordinal)
                .Select(g => (Component: g.First().Value, Count: g.Count(), Wave: g.Min(n => plan.Waves[n.Key])))
                .OrderBy(b => b.Wave).ThenBy(b => b.Component.Name, StringComparer.Ordinal)
                .ToList(),
            plan.Graph.Edges.Where(e => box.ContainsKey(e.Source) && box.ContainsKey(e.Target) && box[e.Source].Id != box[e.Target].Id)
                .Select(e => (First: box[e.Target].Id, Then: box[e.Source].Id)).ToHashSet());
        var ids = boxes.Select((b, i) => (b.Component.Id, Key: $"c{i + 1}")).ToDictionary(p => p.Id, p => p.Key, StringComparer.Ordinal);
        var order = boxes.Select((b, i) => (b.Component.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var edges = plan.Graph.Edges
            .Where(e => box.ContainsKey(e.Source) && box.ContainsKey(e.Target) && box[e.Source].Id != box[e.Target].Id)
            .GroupBy(e => (First: box[e.Target].Id, Then: box[e.Source].Id))
            .Select(g => (g.Key.First, g.Key.Then, Count: g.Count()))
            .OrderBy(e => order[e.First]).ThenBy(e => order[e.Then])
            .ToList();

        string Label(PlanNode component, int count, string lineBreak) =>
            string.Create(CultureInfo.InvariantCulture, $"{component.Name}{lineBreak}{component.Type[(component.Type.LastIndexOf(':') + 1)..]} · {count} {(count == 1 ? "resource" : "resources")}");

        var text = new StringBuilder(dot ? "digraph overview {\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n" : "flowchart TB\n");
        foreach (var (component, count, _) in boxes)
        {
            text.Append(dot
                ? $"  {ids[component.Id]} [label=\"{Label(component, count, "\\n")}\"];\n"
                : $"  {ids[component.Id]}[\"{Label(component, count, "<br/>")}\"]\n");
        }

        foreach (var (first, then, count) in edges)
        {
            text.Append(dot
                ? string.Create(CultureInfo.InvariantCulture, $"  {ids[first]} -> {ids[then]} [label=\"{count}\"];\n")
                : string.Create(CultureInfo.InvariantCulture, $"  {ids[first]} -->|{count}| {ids[then]}\n"));
        }

        return dot ? text.Append("}\n").ToString() : text.ToString();
    }

    // Boxes in dependency order (each after every box it waits for), ties and cycles broken by the earliest wave.
    private static List<(PlanNode Component, int Count, int Wave)> Topological(List<(PlanNode Component, int Count, int Wave)> byWave, HashSet<(string First, string Then)> edges)
    {
        var waiting = byWave.ToDictionary(b => b.Component.Id, b => edges.Count(e => e.Then == b.Component.Id && e.First != b.Component.Id), StringComparer.Ordinal);
        var ordered = new List<(PlanNode Component, int Count, int Wave)>();
        var left = new List<(PlanNode Component, int Count, int Wave)>(byWave);
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(b => waiting[b.Component.Id] == 0);
            next = next.Component is null ? left[0] : next;
            left.Remove(next);
            ordered.Add(next);
            foreach (var edge in edges.Where(e => e.First == next.Component.Id))
            {
                waiting[edge.Then]--;
            }
        }

        return ordered;
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
