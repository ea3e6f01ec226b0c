using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Configuration;

/// <summary>
/// Clones a stack file's text for a new stack: applies <c>key=value</c> overrides in place, keeps every comment and
/// the layout, and drops what belongs to the source stack alone (its <c>secure:</c> values and encryption salt).
/// Keys are spelt as <c>pulumi config set --path</c> takes them: an override sets an existing value, or adds a key,
/// a nested map or a list entry (at the index after the last) under the deepest part of its path that exists.
/// The places come from YamlDotNet's node model (which does not keep comments, so the text is edited there) and
/// every value is written as YamlDotNet's emitter quotes it.
/// </summary>
public static class StackFileCloner
{
    private static readonly string[] StackSpecificKeys = ["encryptionsalt", "secretsprovider", "encryptedkey"];

    /// <summary>Clones <paramref name="source"/> (named <paramref name="sourceName"/> in messages) with <paramref name="overrides"/>.</summary>
    /// <param name="sourceName">The source's file name, for messages.</param>
    /// <param name="source">The source's text.</param>
    /// <param name="overrides">The <c>key=value</c> overrides, in Pulumi's path spelling.</param>
    /// <param name="header">
    /// The comment that opens the new file in place of the source's (which describes the source); null keeps the source's.
    /// </param>
    /// <param name="removals">
    /// Keys dropped before the overrides apply, in Pulumi's path spelling (<c>mlops:teams</c>, <c>mlops:platform.backup</c>),
    /// or a namespace (<c>vsphere:</c>) for each of its keys; a key the source does not have is passed over.
    /// </param>
    public static StackCloneResult Clone(string sourceName, string source, IReadOnlyList<(string Key, string Value)> overrides, string? header = null, IReadOnlyList<string>? removals = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(overrides);

        // Within the reader's limits first: past them the node model below is safe to build and walk.
        _ = StackYaml.Read(sourceName, source);
        if (removals is { Count: > 0 })
        {
            var entries = Document.Of(source).Entries;
            var removed = entries.Keys
                .Where(k => removals.Any(r => r.EndsWith(':') ? k.StartsWith(r, StringComparison.Ordinal) && !k.AsSpan(r.Length).ContainsAny('.', '[') : k == r))
                .ToHashSet(StringComparer.Ordinal);

            // A map whose every entry goes, goes too, rather than stay behind empty.
            for (var emptied = true; emptied;)
            {
                emptied = false;
                foreach (var (key, (_, value)) in entries)
                {
                    if (!removed.Contains(key) && value is YamlMappingNode { Children.Count: > 0 } map && !IsSecure(map)
                        && map.Children.Keys.All(child => removed.Contains($"{key}.{((YamlScalarNode)child).Value}")))
                    {
                        emptied = removed.Add(key);
                    }
                }
            }

            // Only the outermost of what goes is cut, with the comment above it.
            source = Edit(source, removed
                .Where(k => !removed.Any(outer => k.Length > outer.Length && k.StartsWith(outer, StringComparison.Ordinal) && k[outer.Length] is '.' or '['))
                .Select(k => WithComment(source, Line(source, entries[k].Key, entries[k].Value))));

            // The blank lines that set the dropped entries apart go with them.
            source = System.Text.RegularExpressions.Regex.Replace(source, "\n(?:[ \t]*\n){2,}", "\n\n").Replace("config:\n\n", "config:\n", StringComparison.Ordinal);
        }

        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var twice in overrides.GroupBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"--set {twice.Key} is given {twice.Count()} times ({string.Join(", ", twice.Select(o => $"'{o.Value}'"))}). Give each key once.");
        }

        // One override at a time, each on the text the last one left, so that several may build one new map or entry.
        var validation = source;
        foreach (var (key, value) in overrides)
        {
            var (text, error) = Apply(sourceName, validation, key, value);
            if (error is not null)
            {
                errors.Add(error);
            }
            else
            {
                validation = text;
            }
        }

        if (errors.Count > 0)
        {
            return new StackCloneResult(string.Empty, string.Empty, [], errors.ToImmutable());
        }

        var document = Document.Of(validation);
        var secrets = document.Entries.Where(e => e.Value.Value is YamlMappingNode m && IsSecure(m)).OrderBy(e => e.Value.Key.Start.Index).ToList();
        var drops = secrets.Select(e => Line(validation, e.Value.Key, e.Value.Value))
            .Concat((document.Root?.Children.AsEnumerable() ?? [])
                .Where(c => c.Key is YamlScalarNode { Value: { } name } && StackSpecificKeys.Contains(name, StringComparer.Ordinal))
                .Select(c => Line(validation, c.Key, c.Value)));
        var cloned = Edit(validation, drops);
        return new StackCloneResult(header is null ? cloned : WithHeader(cloned, header), validation, [.. secrets.Select(e => e.Key)], []);
    }

    // The file's opening comment (its lines up to the first that is neither a comment nor blank) replaced by another.
    private static string WithHeader(string text, string header)
    {
        var lines = text.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        var rest = first < 0 ? string.Empty : string.Join('\n', lines[first..]);
        var comment = string.Concat(header.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? "#\n" : $"# {l}\n"));
        return comment + rest;
    }

    // One override: the text with it applied, or why it cannot be.
    private static (string Text, string? Error) Apply(string sourceName, string text, string key, string value)
    {
        var path = KeyPath.Parse(key);
        if (path is null)
        {
            return (text, $"--set {key}: it is not a key as 'pulumi config set --path' spells it ('<namespace>:<key>', then '.name' or '[index]' parts, such as mlops:teams[1].name).");
        }

        var document = Document.Of(text);
        if (document.Entries.TryGetValue(key, out var entry))
        {
            return entry.Value switch
            {
                YamlScalarNode scalar => (Edit(text, [(scalar.Start.Index, scalar.End.Index, Scalar(value))]), null),
                YamlMappingNode secure when IsSecure(secure) => (text, $"--set {key}: it is a secret, and secrets are not copied. Create the stack, then set it with '{ConfigKeyPath.SetCommandForKey(key, "<value>", secret: true)}'."),
                _ => (text, $"--set {key}: it is a {(entry.Value is YamlSequenceNode ? "list" : "map")}, not a single value. Set the keys inside it, such as '{key}.<key>=<value>'."),
            };
        }

        // The deepest part of the path that exists, and what is missing below it.
        for (var depth = path.Parts.Length - 1; depth >= 0; depth--)
        {
            var existing = depth == 0 ? null : path.Spell(depth);
            var parent = depth == 0 ? document.Config : document.Entries.GetValueOrDefault(existing!).Value;
            if (depth > 0 && parent is null)
            {
                continue;
            }

            var missing = path.Parts.AsSpan(depth);
            var where = existing ?? "config";
            return parent switch
            {
                null when depth == 0 => (NewConfig(text, document, Block(path.TopLevel, missing[1..], value, 2)), null),
                YamlMappingNode map when IsSecure(map) => (text, $"--set {key}: {existing} is a secret, not a map. Set it as a whole after creating the stack."),
                YamlMappingNode when missing[0].Index is not null => (text, $"--set {key}: {where} is a map, so its keys are named ('{where}.<key>'), not indexed."),
                YamlSequenceNode when missing[0].Name is not null => (text, $"--set {key}: {where} is a list, so its entries are indexed ('{where}[0]'), not named."),
                YamlMappingNode { Style: not MappingStyle.Flow, Children.Count: > 0 } map when missing[0].Name is { } name =>
                    (Insert(text, map, Block(name, missing[1..], value, Indent(map))), null),
                YamlSequenceNode { Style: not SequenceStyle.Flow, Children.Count: > 0 } list when missing[0].Index is { } index =>
                    index == list.Children.Count
                        ? (Insert(text, list, Item(missing[1..], value, DashIndent(text, list))), null)
                        : (text, $"--set {key}: {where} has {list.Children.Count} entries, so a new one is [{list.Children.Count}]; [{index}] {(index < list.Children.Count ? "exists but has no such key" : "would leave a gap")}."),
                YamlSequenceNode or YamlMappingNode => (text, $"--set {key}: {sourceName} writes {where} on one line or leaves it empty, so --set cannot add to it. Create the stack, then set it with '{ConfigKeyPath.SetCommandForKey(key, "<value>")}'."),
                _ => (text, $"--set {key}: {where} holds a single value in {sourceName}, not a map or list to add to. Set {where} itself, or create the stack and set it with '{ConfigKeyPath.SetCommandForKey(key, "<value>")}'."),
            };
        }

        return (text, $"--set {key}: {sourceName} has no such key, nor a map to add it to. Create the stack, then set it with '{ConfigKeyPath.SetCommandForKey(key, "<value>")}'.");
    }

    // The lines of a new key (a map's entry, then its missing parts) at an indentation.
    private static string Block(string name, ReadOnlySpan<KeyPath.Part> rest, string value, int indent)
    {
        var pad = new string(' ', indent);
        if (rest.IsEmpty)
        {
            return $"{pad}{name}: {Scalar(value)}\n";
        }

        return rest[0].Name is { } child
            ? $"{pad}{name}:\n{Block(child, rest[1..], value, indent + 2)}"
            : $"{pad}{name}:\n{Item(rest[1..], value, indent + 2)}";
    }

    // The lines of a new list entry ('- ...') at a dash's indentation.
    private static string Item(ReadOnlySpan<KeyPath.Part> rest, string value, int dashIndent)
    {
        var pad = new string(' ', dashIndent);
        if (rest.IsEmpty)
        {
            return $"{pad}- {Scalar(value)}\n";
        }

        if (rest[0].Name is not { } name)
        {
            return $"{pad}-\n{Item(rest[1..], value, dashIndent + 2)}";
        }

        var block = Block(name, rest[1..], value, dashIndent + 2);
        return $"{pad}- {block[(dashIndent + 2)..]}";
    }

    private static string NewConfig(string text, Document document, string lines)
    {
        if (document.Config is { Children.Count: > 0 } config)
        {
            return Insert(text, config, lines);
        }

        // No config map to extend (an empty or comment-only source, or 'config:' with nothing in it): a new one at the end.
        var configKey = document.Root?.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "config" });
        var at = configKey is null ? text.Length : (int)LineEnd(text, configKey.Start.Index);
        var gap = at == text.Length && text.Length > 0 && !text.EndsWith('\n') ? "\n" : string.Empty;
        var edits = new List<(long, long, string)>();
        if (configKey is not null && document.Root!.Children[configKey] is YamlScalarNode { } nothing && nothing.End.Index > nothing.Start.Index)
        {
            edits.Add((nothing.Start.Index, nothing.End.Index, string.Empty)); // 'config: ~' becomes 'config:'
        }

        edits.Add((at, at, gap + (configKey is null ? "config:\n" : string.Empty) + lines));
        return Edit(text, edits);
    }

    // New lines after the last line of a block map or list.
    private static string Insert(string text, YamlNode after, string lines)
    {
        var at = LineEnd(text, LastScalarEnd(after) - 1);
        var gap = at == text.Length && !text.EndsWith('\n') ? "\n" : string.Empty;
        return Edit(text, [(at, at, gap + lines)]);
    }

    private static int Indent(YamlMappingNode map) => (int)map.Children.First().Key.Start.Column - 1;

    // Where a block list's dashes stand: the start of its first entry's line up to the '-'.
    private static int DashIndent(string text, YamlSequenceNode list)
    {
        var start = (int)LineStart(text, list.Children[0].Start.Index);
        return text.IndexOf('-', start) - start;
    }

    // A dropped entry with the comment lines right above it, which describe it.
    private static (long Start, long End, string Text) WithComment(string text, (long Start, long End, string Text) line)
    {
        var start = line.Start;
        while (start > 0 && LineStart(text, start - 1) is var previous && text[(int)previous..(int)(start - 1)].TrimStart().StartsWith('#'))
        {
            start = previous;
        }

        return (start, line.End, line.Text);
    }

    private static (long Start, long End, string Text) Line(string text, YamlNode key, YamlNode value) =>
        (LineStart(text, key.Start.Index), LineEnd(text, LastScalarEnd(value) - 1), string.Empty);

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

        return text.Contains('\n', StringComparison.Ordinal) || text.Length == 0 ? Rendering.JsonStrings.Quote(value) : text;
    }

    private static string Edit(string text, IEnumerable<(long Start, long End, string Text)> edits)
    {
        var result = new StringBuilder(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            result.Remove((int)start, (int)(end - start)).Insert((int)start, replacement);
        }

        return result.ToString();
    }

    private static long LineStart(string text, long index) => text.LastIndexOf('\n', (int)Math.Max(0, index - 1)) + 1;

    private static long LineEnd(string text, long index)
    {
        var newline = text.IndexOf('\n', (int)Math.Max(0, index));
        return newline < 0 ? text.Length : newline + 1;
    }

    // A stack file's node model: its root, its config map, and every entry below by its Pulumi path.
    private sealed record Document(YamlMappingNode? Root, YamlMappingNode? Config, Dictionary<string, (YamlNode Key, YamlNode Value)> Entries)
    {
        public static Document Of(string text)
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            var root = yaml.Documents.Count == 0 ? null : yaml.Documents[0].RootNode as YamlMappingNode;
            var config = root is not null && root.Children.TryGetValue(new YamlScalarNode("config"), out var node) ? node as YamlMappingNode : null;
            var entries = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
            if (config is not null)
            {
                Index(config, null, entries);
            }

            return new Document(root, config, entries);
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
                        var child = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                        entries[child] = (list.Children[i], list.Children[i]);
                        Index(list.Children[i], child, entries);
                    }

                    break;
            }
        }
    }

    // A key as 'pulumi config set --path' spells it: 'ns:key', then '.name' and '[index]' parts.
    private sealed record KeyPath(string TopLevel, KeyPath.Part[] Parts)
    {
        public static KeyPath? Parse(string key)
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            var end = key.IndexOfAny(['.', '['], colon);
            var top = end < 0 ? key : key[..end];
            if (top.Length == colon + 1)
            {
                return null;
            }

            var parts = new List<Part> { new(top, null) };
            for (var i = end; i >= 0 && i < key.Length;)
            {
                if (key[i] == '.')
                {
                    var next = key.IndexOfAny(['.', '['], i + 1);
                    var name = next < 0 ? key[(i + 1)..] : key[(i + 1)..next];
                    if (name.Length == 0)
                    {
                        return null;
                    }

                    parts.Add(new Part(name, null));
                    i = next < 0 ? key.Length : next;
                }
                else
                {
                    var close = key.IndexOf(']', i);
                    if (close < 0 || !int.TryParse(key.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        return null;
                    }

                    parts.Add(new Part(null, index));
                    i = close + 1;
                }
            }

            return new KeyPath(top, [.. parts]);
        }

        // The key of the first 'depth' parts, as the entries spell it.
        public string Spell(int depth) => string.Concat(Parts.Take(depth).Select((p, i) => i == 0 ? p.Name : p.Name is { } n ? $".{n}" : $"[{p.Index}]"));

        public readonly record struct Part(string? Name, int? Index);
    }
}
