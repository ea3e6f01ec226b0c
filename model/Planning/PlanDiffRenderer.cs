using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Infra.Model.Planning;

/// <summary>Renders a plan diff as text for a terminal, JSON for CI, or Markdown for a merge-request comment.</summary>
public static class PlanDiffRenderer
{
    /// <summary>The version of the JSON shape.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Text: one line per added (+), removed (-) or changed (~) node, and each changed input or option.</summary>
    public static string Text(PlanDiff diff, string beforeLabel, string afterLabel)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Plan diff for stack {diff.After.Stack}: {beforeLabel} -> {afterLabel}: {Summary(diff)}.\n");
        var losses = diff.DataLoss;
        if (!losses.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $"DATA LOSS: {Count(losses.Length)} delete or replace data, and pulumi up would carry {(losses.Length == 1 ? "it" : "them")} out like any other:\n");
            foreach (var loss in losses)
            {
                text.Append(CultureInfo.InvariantCulture, $"! {loss.Id} holds {loss.Holds}: {loss.Why}.\n");
            }
        }

        foreach (var node in diff.Added)
        {
            text.Append(CultureInfo.InvariantCulture, $"+ {node.Id}\n");
        }

        foreach (var node in diff.Removed)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {node.Id}\n");
        }

        foreach (var change in diff.Changed)
        {
            text.Append(CultureInfo.InvariantCulture, $"~ {change.Id}\n");
            foreach (var line in Details(change))
            {
                text.Append(CultureInfo.InvariantCulture, $"    {line}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>JSON (schema version 1): the summary and every added, removed and changed node.</summary>
    public static string Json(PlanDiff diff, string beforeLabel, string afterLabel)
    {
        ArgumentNullException.ThrowIfNull(diff);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", SchemaVersion);
            writer.WriteString("stack", diff.After.Stack);
            writer.WriteString("before", beforeLabel);
            writer.WriteString("after", afterLabel);
            writer.WriteStartObject("summary");
            writer.WriteNumber("added", diff.Added.Length);
            writer.WriteNumber("removed", diff.Removed.Length);
            writer.WriteNumber("changed", diff.Changed.Length);
            writer.WriteNumber("dataLoss", diff.DataLoss.Length);
            writer.WriteEndObject();
            writer.WriteStartArray("dataLoss");
            foreach (var loss in diff.DataLoss)
            {
                writer.WriteStartObject();
                writer.WriteString("id", loss.Id);
                writer.WriteString("holds", loss.Holds);
                writer.WriteString("why", loss.Why);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            Nodes(writer, "added", diff.Added);
            Nodes(writer, "removed", diff.Removed);
            writer.WriteStartArray("changed");
            foreach (var change in diff.Changed)
            {
                writer.WriteStartObject();
                writer.WriteString("id", change.Id);
                writer.WriteStartArray("inputs");
                foreach (var (name, before, after) in change.Inputs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", name);
                    Value(writer, "before", before);
                    Value(writer, "after", after);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("options");
                foreach (var (name, before, after) in change.Options)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", name);
                    writer.WriteString("before", before);
                    writer.WriteString("after", after);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// A merge-request comment: a summary table, the changes (a value over several lines as a collapsible unified
    /// diff of its changed lines with three lines of context, so no table row breaks), and a Mermaid graph of what
    /// changes and what it touches. With <paramref name="maxLength"/> above zero the comment stays within it (a
    /// forge's limit: GitHub takes 65,536 characters, GitLab 1,000,000): it leaves out the graph, then value diffs,
    /// then rows, and says what it left out and where the whole diff is (<paramref name="fullDiff"/>).
    /// </summary>
    public static string Markdown(PlanDiff diff, string beforeLabel, string afterLabel, int maxLength = 0, string? fullDiff = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!-- infractl-diff:{diff.After.Stack} -->\n### Infrastructure plan: stack `{diff.After.Stack}`\n\n")
            .Append(CultureInfo.InvariantCulture, $"Comparing `{beforeLabel}` with `{afterLabel}`: {Summary(diff)}.\n\n")
            .Append("| change | count |\n| --- | ---: |\n")
            .Append(CultureInfo.InvariantCulture, $"| to add | {diff.Added.Length} |\n| to remove | {diff.Removed.Length} |\n| to change | {diff.Changed.Length} |\n")
            .Append(DataLossNote(diff))
            .ToString();
        if (!diff.HasChanges)
        {
            return head;
        }

        var rows = new List<string>();
        var blocks = new List<string>();
        rows.AddRange(diff.Added.Select(n => $"| + | `{n.Name}` | `{n.Type}` | added |\n"));
        rows.AddRange(diff.Removed.Select(n => $"| - | `{n.Name}` | `{n.Type}` | removed |\n"));
        foreach (var change in diff.Changed)
        {
            var node = diff.After[change.Id];
            var details = new List<string>();
            foreach (var input in change.Inputs)
            {
                var (before, after) = (Show(input.Before), Show(input.After));
                if (IsShort(before) && IsShort(after))
                {
                    details.Add(Cell($"{input.Name}: {before} -> {after}"));
                }
                else
                {
                    details.Add(Cell($"{input.Name}: changed, see below"));
                    blocks.Add(ValueDiff(node.Name, input.Name, before, after));
                }
            }

            details.AddRange(change.Options.Select(o => Cell($"{o.Name}: {o.Before} -> {o.After}")));
            rows.Add($"| ~ | `{node.Name}` | `{node.Type}` | {string.Join("<br>", details)} |\n");
        }

        var graph = string.Empty;
        var changed = diff.ChangedIds.Where(id => diff.After.Waves.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        if (changed.Count > 0)
        {
            var touched = changed
                .Concat(changed.SelectMany(id => diff.After.Graph.OutEdges(id).Select(e => e.Target)))
                .Concat(changed.SelectMany(id => diff.After.Graph.InEdges(id).Select(e => e.Source)))
                .ToHashSet(StringComparer.Ordinal);
            graph = "\n<details><summary>Deployment graph of what changes</summary>\n\n```mermaid\n" + PlanGraphText.Mermaid(diff.After, changed, touched) + "```\n\n</details>\n";
        }

        return Fit(head, rows, blocks, graph, maxLength, fullDiff);
    }

    // The comment whole, or cut to maxLength: the graph goes first, then value diffs, then rows, each counted in a note.
    private static string Fit(string head, List<string> rows, List<string> blocks, string graph, int maxLength, string? fullDiff)
    {
        const string Table = "\n| | name | type | what changes |\n| --- | --- | --- | --- |\n";
        string Assemble(int rowCount, int blockCount, bool withGraph, string note) =>
            head + Table + string.Concat(rows.Take(rowCount)) + (blockCount > 0 ? "\n" + string.Concat(blocks.Take(blockCount)) : string.Empty) + (withGraph ? graph : string.Empty) + note;

        var whole = Assemble(rows.Count, blocks.Count, withGraph: true, string.Empty);
        if (maxLength <= 0 || whole.Length <= maxLength)
        {
            return whole;
        }

        string Note(int rowCount, int blockCount, bool withGraph)
        {
            var left = new List<string>();
            if (!withGraph && graph.Length > 0)
            {
                left.Add("the deployment graph");
            }

            if (blockCount < blocks.Count)
            {
                left.Add($"{blocks.Count - blockCount} of {blocks.Count} value diffs");
            }

            if (rowCount < rows.Count)
            {
                left.Add($"{rows.Count - rowCount} of {rows.Count} changes");
            }

            var where = fullDiff is null ? "Run the same `infractl diff` without `--max-length` for all of it." : $"All of it is in `{fullDiff}` (the job's artifact).";
            return string.Create(CultureInfo.InvariantCulture, $"\n> **Shortened to {maxLength:N0} characters, the comment limit:** left out {string.Join(", ", left)}. {where}\n");
        }

        // Over the limit the graph goes first; then value diffs, then rows, from the end, until the comment with its
        // note fits. The lengths come from running sums, so the comment is put together once, not once per step.
        var rowEnds = RunningLengths(rows);
        var blockEnds = RunningLengths(blocks);
        int Length(int rowCount, int blockCount) =>
            head.Length + Table.Length + rowEnds[rowCount] + (blockCount > 0 ? 1 + blockEnds[blockCount] : 0) + Note(rowCount, blockCount, withGraph: false).Length;

        var (keepRows, keepBlocks) = (rows.Count, blocks.Count);
        while (Length(keepRows, keepBlocks) > maxLength && keepBlocks > 0)
        {
            keepBlocks--;
        }

        while (Length(keepRows, keepBlocks) > maxLength && keepRows > 0)
        {
            keepRows--;
        }

        var text = Assemble(keepRows, keepBlocks, withGraph: false, Note(keepRows, keepBlocks, withGraph: false));
        return text.Length <= maxLength ? text : text[..maxLength];
    }

    // ends[k] is the length of the first k parts together.
    private static int[] RunningLengths(List<string> parts)
    {
        var ends = new int[parts.Count + 1];
        for (var i = 0; i < parts.Count; i++)
        {
            ends[i + 1] = ends[i] + parts[i].Length;
        }

        return ends;
    }

    private static bool IsShort(string value) => value.Length <= 200 && !value.Contains('\n', StringComparison.Ordinal);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    // A changed value over several lines: its changed lines with context, in a fence longer than any backtick run in it.
    private static string ValueDiff(string node, string input, string before, string after)
    {
        var unified = new DiffPlex.Renderer.UnidiffRenderer(contextLines: 3).Generate(before.ReplaceLineEndings("\n"), after.ReplaceLineEndings("\n"), "before", "after");
        var lines = unified.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("--- ", StringComparison.Ordinal) && !l.StartsWith("+++ ", StringComparison.Ordinal));
        var body = string.Join('\n', lines).TrimEnd('\n');
        var longest = 0;
        for (var (i, run) = (0, 0); i < body.Length; i++)
        {
            run = body[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        return $"<details><summary><code>{node}</code> {input}</summary>\n\n{fence}diff\n{body}\n{fence}\n\n</details>\n";
    }

    // The data-loss warning, part of the comment's head so that no shortening leaves it out.
    private static string DataLossNote(PlanDiff diff)
    {
        var losses = diff.DataLoss;
        if (losses.IsEmpty)
        {
            return string.Empty;
        }

        var note = new StringBuilder().Append(CultureInfo.InvariantCulture, $"\n> [!CAUTION]\n> **Data loss:** {Count(losses.Length)} delete or replace data. Merge only on purpose, with the data saved first.\n>\n");
        foreach (var loss in losses)
        {
            var node = diff.Before[loss.Id];
            note.Append(CultureInfo.InvariantCulture, $"> - `{node.Name}` (`{node.Type}`) holds {Cell(loss.Holds)}: {Cell(loss.Why)}.\n");
        }

        return note.ToString();
    }

    private static string Count(int changes) => changes == 1 ? "1 change would" : $"{changes} changes would";

    private static string Summary(PlanDiff diff) =>
        diff.HasChanges
            ? $"{diff.Added.Length} to add, {diff.Removed.Length} to remove, {diff.Changed.Length} to change"
            : "no changes";

    private static IEnumerable<string> Details(NodeChange change) =>
        change.Inputs.Select(i => $"{i.Name}: {Show(i.Before)} -> {Show(i.After)}")
            .Concat(change.Options.Select(o => $"{o.Name}: {o.Before} -> {o.After}"));

    private static string Show(PlanValue? value) => value is null ? "(none)" : value.ToString() ?? string.Empty;

    private static void Nodes(Utf8JsonWriter writer, string name, IEnumerable<PlanNode> nodes)
    {
        writer.WriteStartArray(name);
        foreach (var node in nodes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", node.Id);
            writer.WriteString("type", node.Type);
            writer.WriteString("name", node.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter writer, string name, PlanValue? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            PlanJson.WriteValue(writer, value);
        }
    }
}
