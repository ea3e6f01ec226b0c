using Infra.Model.Planning;
using Spectre.Console;

namespace Infra.Cli.Output;

/// <summary>Renders a plan for people: a tree of components and their children with key inputs, and summary tables.</summary>
internal static class PlanTextRenderer
{
    public static void Render(IAnsiConsole console, Plan plan)
    {
        var summary = PlanSummary.Of(plan);
        console.MarkupLine(
            $"[bold]Plan for stack {Markup.Escape(plan.Stack)}[/]: {summary.Components} components, {summary.Resources} resources, "
            + $"{summary.DataSources} data sources, {summary.Reads} reads, deployed in {summary.Waves} waves.");
        console.WriteLine();

        var tree = new Tree($"[bold]stack {Markup.Escape(plan.Stack)}[/]");
        foreach (var node in Children(plan, null))
        {
            AddNode(tree.AddNode(Label(plan, node)), plan, node);
        }

        console.Write(tree);
        console.WriteLine();

        var types = new Table().Title("Resources by type").AddColumn("type").AddColumn(new TableColumn("count").RightAligned());
        foreach (var (type, count) in summary.ByType)
        {
            types.AddRow(Markup.Escape(type), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(types);

        var waves = new Table().Title("Dependency waves").AddColumn(new TableColumn("wave").RightAligned()).AddColumn("nodes");
        foreach (var wave in plan.Waves.GroupBy(w => w.Value).OrderBy(g => g.Key))
        {
            waves.AddRow(wave.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", wave.Select(w => plan[w.Key].Name).Order(StringComparer.Ordinal))));
        }

        console.Write(waves);

        if (!plan.GpuCapacity.IsEmpty)
        {
            var capacity = new Table().Title("GPU capacity")
                .AddColumn("host").AddColumn(new TableColumn("GPUs").RightAligned()).AddColumn("sharing")
                .AddColumn(new TableColumn("slots").RightAligned()).AddColumn(new TableColumn("used").RightAligned()).AddColumn(new TableColumn("free").RightAligned());
            foreach (var row in plan.GpuCapacity)
            {
                capacity.AddRow(Markup.Escape(row.Host), Number(row.Gpus), Markup.Escape(row.Sharing), Number(row.Slots), Number(row.Used), Number(row.Free));
            }

            console.Write(capacity);
        }
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<PlanNode> Children(Plan plan, string? parent) =>
        plan.ChildrenOf(parent)
            .OrderBy(n => n.Kind switch { PlanNodeKind.DataSource => 0, PlanNodeKind.Resource or PlanNodeKind.Read => 1, _ => 2 })
            .ThenBy(n => plan.Waves.GetValueOrDefault(n.Id))
            .ThenBy(n => n.Name, StringComparer.Ordinal);

    private static void AddNode(TreeNode treeNode, Plan plan, PlanNode node)
    {
        foreach (var (key, value) in node.Inputs)
        {
            treeNode.AddNode($"[grey]{Markup.Escape(key)} = {Markup.Escape(value.ToString() ?? string.Empty)}[/]");
        }

        foreach (var child in Children(plan, node.Id))
        {
            AddNode(treeNode.AddNode(Label(plan, child)), plan, child);
        }
    }

    private static string Label(Plan plan, PlanNode node)
    {
        var kind = node.Kind switch
        {
            PlanNodeKind.Component => "[blue]component[/]",
            PlanNodeKind.DataSource => "[yellow]look-up[/]",
            PlanNodeKind.Read => "[yellow]read[/]",
            _ => "[green]resource[/]",
        };
        var wave = plan.Waves.TryGetValue(node.Id, out var w) ? $" [grey](wave {w})[/]" : string.Empty;
        var protect = node.Protect ? " [red]protected[/]" : string.Empty;
        return $"{kind} [bold]{Markup.Escape(node.Name)}[/] {Markup.Escape(node.Type)}{wave}{protect}";
    }
}
