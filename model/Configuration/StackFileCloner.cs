using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Configuration;

/// <summary>
/// Clones a stack file's text for a new stack: applies <c>key=value</c> overrides in place, keeps every comment and
/// the layout, and drops what belongs to the source stack alone (its <c>secure:</c> values and encryption salt).
/// </summary>
public static partial class StackFileCloner
{
    private static readonly string[] StackSpecificKeys = ["encryptionsalt", "secretsprovider", "encryptedkey"];

    /// <summary>Clones <paramref name="source"/> (named <paramref name="sourceName"/> in messages) with <paramref name="overrides"/>.</summary>
    public static StackCloneResult Clone(string sourceName, string source, IReadOnlyList<(string Key, string Value)> overrides)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(overrides);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(source));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var config = root.Children.TryGetValue(new YamlScalarNode("config"), out var node) ? node as YamlMappingNode : null;
        var entries = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        if (config is not null)
        {
            Index(config, null, entries);
        }

        var edits = new List<(long Start, long End, string Text)>();
        var errors = ImmutableArray.CreateBuilder<string>();
        var appended = new List<string>();
        foreach (var (key, value) in overrides)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                var dot = key.LastIndexOf('.');
                if (config is not null && key.Contains(':', StringComparison.Ordinal) && dot < 0 && !key.Contains('[', StringComparison.Ordinal))
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

        if (appended.Count > 0)
        {
            var end = LineEnd(source, LastScalarEnd(config!) - 1);
            edits.Add((end, end, string.Concat(appended)));
        }

        var validation = Apply(source, edits);

        var secrets = entries.Where(e => e.Value.Value is YamlMappingNode m && IsSecure(m)).OrderBy(e => e.Value.Key.Start.Index).ToList();
        var drops = secrets.Select(e => (LineStart(source, e.Value.Key.Start.Index), LineEnd(source, LastScalarEnd(e.Value.Value) - 1), string.Empty))
            .Concat(root.Children
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

    private static string Scalar(string value) =>
        PlainScalar().IsMatch(value) && !value.Contains(": ", StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            ? value
            : JsonSerializer.Serialize(value);

    private static string Apply(string text, IEnumerable<(long Start, long End, string Text)> edits)
    {
        var result = text;
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start))
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

    [GeneratedRegex("^[A-Za-z0-9_./@+-][A-Za-z0-9_./@:+ -]*$")]
    private static partial Regex PlainScalar();
}
