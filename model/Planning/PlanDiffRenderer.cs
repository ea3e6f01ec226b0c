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
            writer.WriteEndObject();
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
    /// Markdown for a merge-request comment (GitLab and GitHub render it): a summary table, the changed resources
    /// with their changed inputs, and a Mermaid graph of what changes and what it touches.
    /// </summary>
    public static string Markdown(PlanDiff diff, string beforeLabel, string afterLabel)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"### Infrastructure plan: stack `{diff.After.Stack}`\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Comparing `{beforeLabel}` with `{afterLabel}`: {Summary(diff)}.\n\n");
        text.Append("| change | count |\n| --- | ---: |\n");
        text.Append(CultureInfo.InvariantCulture, $"| to add | {diff.Added.Length} |\n| to remove | {diff.Removed.Length} |\n| to change | {diff.Changed.Length} |\n");
        if (!diff.HasChanges)
        {
            return text.ToString();
        }

        text.Append("\n| | name | type | what changes |\n| --- | --- | --- | --- |\n");
        foreach (var node in diff.Added)
        {
            text.Append(CultureInfo.InvariantCulture, $"| + | `{node.Name}` | `{node.Type}` | added |\n");
        }

        foreach (var node in diff.Removed)
        {
            text.Append(CultureInfo.InvariantCulture, $"| - | `{node.Name}` | `{node.Type}` | removed |\n");
        }

        foreach (var change in diff.Changed)
        {
            var node = diff.After[change.Id];
            var details = string.Join("<br>", Details(change).Select(d => d.Replace("|", "\\|", StringComparison.Ordinal)));
            text.Append(CultureInfo.InvariantCulture, $"| ~ | `{node.Name}` | `{node.Type}` | {details} |\n");
        }

        var changed = diff.ChangedIds.Where(id => diff.After.Waves.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        if (changed.Count > 0)
        {
            var touched = changed
                .Concat(changed.SelectMany(id => diff.After.Graph.OutEdges(id).Select(e => e.Target)))
                .Concat(changed.SelectMany(id => diff.After.Graph.InEdges(id).Select(e => e.Source)))
                .ToHashSet(StringComparer.Ordinal);
            text.Append("\n<details><summary>Deployment graph of what changes</summary>\n\n```mermaid\n");
            text.Append(PlanGraphText.Mermaid(diff.After, changed, touched));
            text.Append("```\n\n</details>\n");
        }

        return text.ToString();
    }

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
