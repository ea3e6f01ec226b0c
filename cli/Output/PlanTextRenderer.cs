using Infra.Model.Planning;
using Spectre.Console;

namespace Infra.Cli.Output;

/// <summary>Renders a plan for people: a tree of components and their children with key inputs, and summary tables.</summary>
internal static class PlanTextRenderer
{
    // A wave of a large stack holds thousands of nodes: the table names the first ones and counts the rest.
    private const int WaveNamesShown = 40;

    /// <summary>Writes the plan; <paramref name="component"/> keeps the tree to one component, <paramref name="depth"/> to that many levels.</summary>
    /// <exception cref="ArgumentException">No component has that name or id; the message lists them.</exception>
    public static void Render(IAnsiConsole console, Plan plan, string? component = null, int? depth = null)
    {
        var roots = component is null
            ? Children(plan, null).ToList()
            : plan.Nodes.Where(n => n.Kind == PlanNodeKind.Component && (n.Name == component || n.Id == component)).ToList();
        if (roots.Count == 0)
        {
            var names = plan.Nodes.Where(n => n.Kind == PlanNodeKind.Component).Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw new ArgumentException($"--component '{component}' is not a component of stack {plan.Stack}. Its components: {string.Join(", ", names)}.");
        }

        var summary = PlanSummary.Of(plan);
        console.MarkupLine(
            $"[bold]Plan for stack {Markup.Escape(plan.Stack)}[/]: {summary.Components} components, {summary.Resources} resources, "
            + $"{summary.DataSources} data sources, {summary.Reads} {(summary.Reads == 1 ? "read" : "reads")}, deployed in {summary.Waves} waves.");
        console.WriteLine();

        // The tree is written line by line, with the guides Spectre's Tree draws, but without laying out every node
        // of a large plan at once (a stack of a thousand teams has some 80,000 lines).
        var lines = new List<Part[]>();
        lines.Add([new Part($"stack {plan.Stack}", "bold")]);
        for (var i = 0; i < roots.Count; i++)
        {
            AddNode(lines, string.Empty, i == roots.Count - 1, plan, roots[i], depth ?? int.MaxValue);
        }

        Write(console, lines);
        console.WriteLine();

        var types = new Table().Title("Resources by type").AddColumn("type").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (type, count) in summary.ByType)
        {
            types.AddRow(Markup.Escape(type), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(types);

        var sharedNames = plan.Nodes.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var waves = new Table().Title("Dependency waves").AddColumn(new TableColumn("wave").RightAligned()).AddColumn("nodes");
        foreach (var wave in plan.Waves.GroupBy(w => w.Value).OrderBy(g => g.Key))
        {
            var names = wave.Select(w => Shown(plan[w.Key], sharedNames)).Order(StringComparer.Ordinal).ToList();
            var shown = names.Count <= WaveNamesShown ? string.Join(", ", names) : $"{string.Join(", ", names.Take(WaveNamesShown))} and {names.Count - WaveNamesShown} more";
            waves.AddRow(wave.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(shown));
        }

        console.Write(waves);

        if (!plan.GpuCapacity.IsEmpty)
        {
            var capacity = new Table().Title("GPU capacity")
                .AddColumn("host").AddColumn(new TableColumn("GPUs").RightAligned()).AddColumn("sharing")
                .AddColumn(new TableColumn("slots").RightAligned()).AddColumn(new TableColumn("used").RightAligned())
                .AddColumn(new TableColumn("other stacks").RightAligned()).AddColumn(new TableColumn("free").RightAligned());
            foreach (var row in plan.GpuCapacity)
            {
                var others = row.Reserved == 0 ? "0" : row.ReservedFor.Length == 0 ? Number(row.Reserved) : $"{Number(row.Reserved)} ({row.ReservedFor})";
                capacity.AddRow(Markup.Escape(row.Host), Number(row.Gpus), Markup.Escape(row.Sharing), Number(row.Slots), Number(row.Used), Markup.Escape(others), Number(row.Free));
            }

            console.Write(capacity);
        }

        if (!plan.Handoffs.IsEmpty)
        {
            var handoffs = new Table().Title("Hand-offs (render writes them below handoffs/; others apply or use them)").AddColumn("file").AddColumn("for");
            foreach (var handoff in plan.Handoffs)
            {
                handoffs.AddRow(Markup.Escape(handoff.Path), Markup.Escape(handoff.Purpose));
            }

            console.Write(handoffs);
        }
    }

    // A node as the waves table names it: its name, and its kind of resource where another node shares the name.
    private static string Shown(PlanNode node, HashSet<string> sharedNames) =>
        sharedNames.Contains(node.Name) ? $"{node.Name} ({node.Type[(node.Type.LastIndexOf(':') + 1)..]})" : node.Name;

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<PlanNode> Children(Plan plan, string? parent) =>
        plan.ChildrenOf(parent)
            .OrderBy(n => n.Kind switch { PlanNodeKind.DataSource => 0, PlanNodeKind.Resource or PlanNodeKind.Read => 1, _ => 2 })
            .ThenBy(n => plan.Waves.GetValueOrDefault(n.Id))
            .ThenBy(n => n.Name, StringComparer.Ordinal);

    private static void AddNode(List<Part[]> lines, string indent, bool last, Plan plan, PlanNode node, int depth)
    {
        lines.Add([new Part(indent + (last ? "└── " : "├── "), null), .. Label(plan, node)]);
        var inner = indent + (last ? "    " : "│   ");
        if (depth <= 1)
        {
            var below = Count(plan, node.Id);
            if (below > 0)
            {
                lines.Add([new Part(inner + "└── ", null), new Part($"... {below} more below (--depth)", "grey")]);
            }

            return;
        }

        var values = node.Inputs.Select(i => $"{i.Key} = {i.Value}").Concat(Options(node)).ToList();
        var children = Children(plan, node.Id).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var isLast = i == values.Count - 1 && children.Count == 0;
            var text = values[i].Split('\n');
            lines.Add([new Part(inner + (isLast ? "└── " : "├── "), null), new Part(text[0], "grey")]);
            lines.AddRange(text.Skip(1).Select(t => new[] { new Part(inner + (isLast ? "    " : "│   ") + "    ", null), new Part(t, "grey") }));
        }

        for (var i = 0; i < children.Count; i++)
        {
            AddNode(lines, inner, i == children.Count - 1, plan, children[i], depth - 1);
        }
    }

    private static int Count(Plan plan, string parent) => plan.ChildrenOf(parent).Sum(c => 1 + Count(plan, c.Id));

    // Plain text goes straight to the writer; a terminal gets the styles through Spectre, a chunk of lines at a time.
    private static void Write(IAnsiConsole console, List<Part[]> lines)
    {
        if (!console.Profile.Capabilities.Ansi)
        {
            var text = new System.Text.StringBuilder();
            foreach (var chunk in lines.Chunk(4096))
            {
                text.Clear();
                foreach (var line in chunk)
                {
                    foreach (var part in line)
                    {
                        text.Append(part.Text);
                    }

                    text.Append('\n');
                }

                console.Profile.Out.Writer.Write(text);
            }

            return;
        }

        foreach (var chunk in lines.Chunk(256))
        {
            console.Write(new Markup(string.Join('\n', chunk.Select(line => string.Concat(line.Select(p => p.Style is null ? Markup.Escape(p.Text) : $"[{p.Style}]{Markup.Escape(p.Text)}[/]")))) + "\n"));
        }
    }

    private sealed record Part(string Text, string? Style);

    // The decisions beyond inputs that the plan holds for a node: timeouts, ignored changes, transforms and checks.
    private static IEnumerable<string> Options(PlanNode node)
    {
        if (node.Timeouts is { } timeouts)
        {
            yield return $"timeouts: {timeouts}";
        }

        if (!node.IgnoreChanges.IsEmpty)
        {
            yield return $"ignore changes: {string.Join(", ", node.IgnoreChanges)}";
        }

        foreach (var transform in node.Transforms)
        {
            yield return $"transform: {transform}";
        }

        foreach (var check in node.Checks)
        {
            yield return $"check: {check}";
        }
    }

    private static Part[] Label(Plan plan, PlanNode node)
    {
        var kind = node.Kind switch
        {
            PlanNodeKind.Component => new Part("component", "blue"),
            PlanNodeKind.DataSource => new Part("look-up", "yellow"),
            PlanNodeKind.Read => new Part("read", "yellow"),
            _ => new Part("resource", "green"),
        };
        Part[] label = [kind, new Part(" ", null), new Part(node.Name, "bold"), new Part($" {node.Type}", null)];
        if (plan.Waves.TryGetValue(node.Id, out var wave))
        {
            label = [.. label, new Part($" (wave {wave})", "grey")];
        }

        return node.Protect ? [.. label, new Part(" protected", "red")] : label;
    }
}
