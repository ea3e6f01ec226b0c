using System.Collections.Immutable;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Configuration;

/// <summary>
/// Clones a stack file's text for a new stack: applies <c>key=value</c> overrides in place, keeps every comment and
/// the layout, and drops what belongs to the source stack alone (its <c>secure:</c> values and encryption salt).
/// </summary>
public static class StackFileCloner
{
    private static readonly string[] StackSpecificKeys = ["encryptionsalt", "secretsprovider", "encryptedkey"];

    /// <summary>Clones <paramref name="source"/> (named <paramref name="sourceName"/> in messages) with <paramref name="overrides"/>.</summary>
    public static StackCloneResult Clone(string sourceName, string source, IReadOnlyList<(string Key, string Value)> overrides)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(overrides);

        // Within the reader's limits first: past them the node model below is safe to build and walk.
        _ = StackYaml.Read(sourceName, source);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(source));
        var root = yaml.Documents.Count == 0 ? null : yaml.Documents[0].RootNode as YamlMappingNode;
        var config = root is not null && root.Children.TryGetValue(new YamlScalarNode("config"), out var node) ? node as YamlMappingNode : null;
        var entries = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        if (config is not null)
        {
            Index(config, null, entries);
        }

        var edits = new List<(long Start, long End, string Text)>();
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var twice in overrides.GroupBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"--set {twice.Key} is given {twice.Count()} times ({string.Join(", ", twice.Select(o => $"'{o.Value}'"))}). Give each key once.");
        }

        var appended = new List<string>();
        foreach (var (key, value) in overrides)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                var dot = key.LastIndexOf('.');
                if (key.Contains(':', StringComparison.Ordinal) && dot < 0 && !key.Contains('[', StringComparison.Ordinal))
                {
                    appended.Add($"  {key}: {Scalar(value)}\n");
                }
                else if (dot > 0 && !key[(dot + 1)..].Contains('[', StringComparison.Ordinal)
                    && entries.TryGetValue(key[..dot], out var parent)
                    && parent.Value is YamlMappingNode { Style: not YamlDotNet.Core.Events.MappingStyle.Flow, Children.Count: > 0 } siblings
                    && !IsSecure(siblings))
                {
                    // A new key in an existing block map: a line after its last entry, indented as its entries are.
                    var indent = new string(' ', (int)siblings.Children.First().Key.Start.Column - 1);
                    var at = LineEnd(source, LastScalarEnd(siblings) - 1);
                    edits.Add((at, at, $"{indent}{key[(dot + 1)..]}: {Scalar(value)}\n"));
                }
                else
                {
                    errors.Add($"--set {key}: {sourceName} has no such key, nor a map to add it to. Create the stack, then set it with '{ConfigKeyPath.SetCommandForKey(key, "<value>")}'.");
                }

                continue;
            }

            switch (entry.Value)
            {
                case YamlScalarNode scalar:
                    edits.Add((scalar.Start.Index, scalar.End.Index, Scalar(value)));
                    break;
                case YamlMappingNode secure when IsSecure(secure):
                    errors.Add($"--set {key}: it is a secret, and secrets are not copied. Create the stack, then set it with '{ConfigKeyPath.SetCommandForKey(key, "<value>", secret: true)}'.");
                    break;
                default:
                    errors.Add($"--set {key}: it is a {(entry.Value is YamlSequenceNode ? "list" : "map")}, not a single value. Set the keys inside it, such as '{key}.<key>=<value>'.");
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return new StackCloneResult(string.Empty, string.Empty, [], errors.ToImmutable());
        }

        if (appended.Count > 0 && config is { Children.Count: > 0 })
        {
            var end = LineEnd(source, LastScalarEnd(config) - 1);
            edits.Add((end, end, string.Concat(appended)));
        }
        else if (appended.Count > 0)
        {
            // No config map to extend (an empty or comment-only source, or 'config:' with nothing in it): a new one at the end.
            var configKey = root?.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "config" });
            var at = configKey is null ? source.Length : (int)LineEnd(source, configKey.Start.Index);
            var configLine = configKey is null ? "config:\n" : string.Empty;
            var gap = at == source.Length && source.Length > 0 && !source.EndsWith('\n') ? "\n" : string.Empty;
            if (configKey is not null && root!.Children[configKey] is YamlScalarNode { } nothing && nothing.End.Index > nothing.Start.Index)
            {
                edits.Add((nothing.Start.Index, nothing.End.Index, string.Empty)); // 'config: ~' becomes 'config:'
            }

            edits.Add((at, at, gap + configLine + string.Concat(appended)));
        }

        var validation = Apply(source, edits);

        var secrets = entries.Where(e => e.Value.Value is YamlMappingNode m && IsSecure(m)).OrderBy(e => e.Value.Key.Start.Index).ToList();
        var drops = secrets.Select(e => (LineStart(source, e.Value.Key.Start.Index), LineEnd(source, LastScalarEnd(e.Value.Value) - 1), string.Empty))
            .Concat((root?.Children.AsEnumerable() ?? [])
                .Where(c => c.Key is YamlScalarNode { Value: { } name } && StackSpecificKeys.Contains(name, StringComparer.Ordinal))
                .Select(c => (LineStart(source, c.Key.Start.Index), LineEnd(source, LastScalarEnd(c.Value) - 1), string.Empty)));
        var text = Apply(source, [.. edits, .. drops]);
        return new StackCloneResult(text, validation, [.. secrets.Select(e => e.Key)], []);
    }

    private static void Index(YamlNode node, string? path, Dictionary<string, (YamlNode Key, YamlNode Value)> entries)
    {
        switch (node)
        {
            case YamlMappingNode map when !IsSecure(map) || path is null:
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    var child = path is null ? name : $"{path}.{name}";
                    entries[child] = (key, value);
                    Index(value, child, entries);
                }

                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var child = $"{path}[{i}]";
                    entries[child] = (list.Children[i], list.Children[i]);
                    Index(list.Children[i], child, entries);
                }

                break;
        }
    }

    // Where the last scalar under a node ends: block collections' own end marks point at the next token.
    private static long LastScalarEnd(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.End.Index,
        YamlMappingNode map => map.Children.Select(c => Math.Max(LastScalarEnd(c.Key), LastScalarEnd(c.Value))).DefaultIfEmpty(map.End.Index).Max(),
        YamlSequenceNode list => list.Children.Select(LastScalarEnd).DefaultIfEmpty(list.End.Index).Max(),
        _ => node.End.Index,
    };

    private static bool IsSecure(YamlMappingNode map) =>
        map.Children.Count == 1 && map.Children.ContainsKey(new YamlScalarNode("secure"));

    // A value as YAML writes it on one line: YamlDotNet's emitter decides whether it may stand plain or must be
    // quoted ('-', '@x', 'a:', '- qa'); a value it would spread over lines is written double-quoted, JSON's way.
    private static string Scalar(string value)
    {
        var writer = new StringWriter();
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new Scalar(null, null, value, ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: true));
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var text = writer.ToString().TrimEnd('\r', '\n');
        if (text.EndsWith("\n...", StringComparison.Ordinal))
        {
            text = text[..^4].TrimEnd('\r', '\n');
        }

        return text.Contains('\n', StringComparison.Ordinal) || text.Length == 0 ? JsonSerializer.Serialize(value) : text;
    }

    private static string Apply(string text, IEnumerable<(long Start, long End, string Text)> edits)
    {
        var result = text;
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result = string.Concat(result.AsSpan(0, (int)start), replacement, result.AsSpan((int)end));
        }

        return result;
    }

    private static long LineStart(string text, long index) => text.LastIndexOf('\n', (int)Math.Max(0, index - 1)) + 1;

    private static long LineEnd(string text, long index)
    {
        var newline = text.IndexOf('\n', (int)Math.Max(0, index));
        return newline < 0 ? text.Length : newline + 1;
    }
}
