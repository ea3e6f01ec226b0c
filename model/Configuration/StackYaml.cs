using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Infra.Model.Configuration;

/// <summary>
/// The one way a stack file's text is read: bounded in size, nesting depth, value length and alias expansion,
/// so that no file, careless or hostile, makes the tool crash, hang or run out of memory. It walks YamlDotNet's
/// event stream (no recursion, so no depth overflows the stack) and flattens the <c>config:</c> map into
/// IConfiguration keys as it goes: maps by key, lists by index, a plain null as not set, and a <c>secure:</c> leaf
/// as a secret marker at its parent.
/// </summary>
public static class StackYaml
{
    /// <summary>The largest stack file read: far above any real one (10,000 teams are about 0.6 MB).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>The deepest nesting of maps and lists (the schema's deepest setting is 6 levels down).</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest single value (a kubeconfig or certificate is a few kilobytes).</summary>
    public const int MaxValueLength = 1024 * 1024;

    /// <summary>The most values a file may hold once its aliases are expanded.</summary>
    public const int MaxValues = 1_000_000;

    /// <summary>A stack file's text and its flattened <c>config:</c> keys.</summary>
    /// <param name="Values">The flat IConfiguration keys and values.</param>
    /// <param name="Problems">List entries that set nothing, as config errors with their keys.</param>
    public sealed record Content(IReadOnlyDictionary<string, string?> Values, ImmutableArray<ConfigError> Problems);

    /// <summary>
    /// Reads a stack file's text: a regular file no larger than <see cref="MaxBytes"/>, as UTF-8. It reads no more
    /// bytes than the file's length says it has, so a device or a pipe behind a link can neither hang the read nor
    /// fill the memory.
    /// </summary>
    /// <exception cref="StackFileException">The file cannot be read, is not a regular file, or is too large.</exception>
    public static string ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        try
        {
            var info = new FileInfo(path);
            var target = info;
            if (info.LinkTarget is { } link)
            {
                if (File.ResolveLinkTarget(path, returnFinalTarget: true) is not FileInfo { Exists: true } final)
                {
                    throw new StackFileException(StackFileErrors.DanglingLink, $"{name} is a link to '{link}', which does not exist. Point the link at a stack file, or replace it with one.");
                }

                target = final;
            }

            if (!target.Exists || IsSpecial(target.FullName))
            {
                throw new StackFileException(StackFileErrors.NotRegularFile, $"{name} is not a regular file ({target.FullName}). A stack file is a YAML text file: replace it with one.");
            }

            if (target.Length > MaxBytes)
            {
                throw new StackFileException(StackFileErrors.TooLarge, $"{name} is {target.Length:N0} bytes, more than the {MaxBytes:N0} a stack file may hold. Split the teams over several stacks.");
            }

            if (target.Length == 0)
            {
                return string.Empty;
            }

            var buffer = new byte[target.Length];
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan))
            {
                stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }

            return Utf8.GetString(buffer).TrimStart('\uFEFF');
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StackFileException(StackFileErrors.Unreadable, $"{name} cannot be read: {ex.Message} Give your user read access to it (chmod u+r {name}).", ex);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new StackFileException(StackFileErrors.NotUtf8, $"{name} is not UTF-8 text (the byte at offset {ex.Index} is not). Save it as UTF-8.", ex);
        }
        catch (IOException ex)
        {
            throw new StackFileException(StackFileErrors.Unreadable, $"{name} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Checks a stack file's text against the limits and the shape of a stack file, and flattens its <c>config:</c> map.
    /// </summary>
    /// <exception cref="StackFileException">The text is not valid YAML, exceeds a limit, or is not shaped as a stack file; the message names line and column.</exception>
    public static Content Read(string fileName, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes)
        {
            throw new StackFileException(StackFileErrors.TooLarge, $"{fileName} holds {text.Length:N0} characters, more than the {MaxBytes:N0} a stack file may hold. Split the teams over several stacks.");
        }

        var walker = new Walker(fileName);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                walker.On(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            var problem = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            throw new StackFileException(StackFileErrors.Yaml, $"{fileName}:{ex.Start.Line}:{ex.Start.Column}: {Sentence(problem)}", ex);
        }

        return new Content(walker.Values, walker.Problems.ToImmutable());
    }

    // The C0 and C1 control characters and DEL, but tab and line breaks: none belongs in a stack file's text.
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Concat(Enumerable.Range(0x7f, 0x21)).Select(c => (char)c)]);

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // .NET reports devices and pipes as plain files of length 0; a stack file never lives among them.
    private static bool IsSpecial(string fullPath) =>
        fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal) || fullPath.StartsWith("/sys/", StringComparison.Ordinal);

    private static string Sentence(string problem)
    {
        var trimmed = problem.Trim();
        var start = trimmed.IndexOf("): ", StringComparison.Ordinal);
        if (trimmed.StartsWith("(Line:", StringComparison.Ordinal) && start > 0)
        {
            trimmed = trimmed[(start + 3)..];
        }

        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    // One open map or list: where it sits in the flat keys, what it has seen, and the anchor it will define.
    private sealed class Frame
    {
        public required bool IsMap { get; init; }

        public required string? Path { get; init; }

        public required string? Anchor { get; init; }

        public required int FirstValue { get; init; }

        public HashSet<string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string? PendingKey { get; set; }

        public Mark PendingKeyMark { get; set; }

        public int Index { get; set; }

        public int ItemFirstValue { get; set; }
    }

    private sealed class Walker(string fileName)
    {
        private readonly Stack<Frame> _frames = new();
        private readonly List<(string Path, string? Value)> _flat = [];
        private readonly Dictionary<string, (string? Base, (string Path, string? Value)[] Entries)> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _open = new(StringComparer.Ordinal);
        private int _documents;
        private long _expanded;

        public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

        public ImmutableArray<ConfigError>.Builder Problems { get; } = ImmutableArray.CreateBuilder<ConfigError>();

        public void On(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    if (++_documents > 1)
                    {
                        throw Error(StackFileErrors.SecondDocument, e.Start, $"{Here()} holds a second YAML document ('---'). A stack file is one document: remove the second, or move its settings into the first.");
                    }

                    break;
                case MappingStart map:
                    Open(map, isMap: true, map.Anchor);
                    break;
                case SequenceStart list:
                    Open(list, isMap: false, list.Anchor);
                    break;
                case MappingEnd or SequenceEnd:
                    Close();
                    break;
                case Scalar scalar:
                    OnScalar(scalar);
                    break;
                case AnchorAlias alias:
                    OnAlias(alias);
                    break;
            }
        }

        private void Open(NodeEvent e, bool isMap, AnchorName anchor)
        {
            if (_frames.Count >= MaxDepth)
            {
                throw Error(StackFileErrors.TooDeep, e.Start, $"{TopLevel(Here())} nests maps and lists more than {MaxDepth} levels deep. No setting is that deep: check the brackets and indentation.");
            }

            var path = PathOfNext(e, isCollection: true, out var parentIsRoot);
            if (_frames.Count == 0 && !isMap)
            {
                throw Error(StackFileErrors.NotStackFile, e.Start, "a stack file must be a YAML map with a 'config:' key.");
            }

            if (parentIsRoot && !isMap)
            {
                throw Error(StackFileErrors.NotStackFile, e.Start, "'config' must be a map of '<namespace>:<key>' settings.");
            }

            var name = anchor.IsEmpty ? null : anchor.Value;
            if (name is not null)
            {
                _open.Add(name);
            }

            _frames.Push(new Frame { IsMap = isMap, Path = path, Anchor = name, FirstValue = _flat.Count });
        }

        private void Close()
        {
            var frame = _frames.Pop();
            if (frame.IsMap && frame.PendingKey is not null)
            {
                throw Error(StackFileErrors.KeyWithoutValue, frame.PendingKeyMark, $"the key '{frame.PendingKey}' has no value. Give it one, or remove it.");
            }

            if (!frame.IsMap && frame.Path is not null && frame.Index > 0)
            {
                EndItem(frame);
            }

            Define(frame.Anchor, frame.Path, frame.FirstValue);
            AfterValue();
        }

        private void OnScalar(Scalar scalar)
        {
            if (scalar.Value.Length > MaxValueLength)
            {
                throw Error(StackFileErrors.ValueTooLong, scalar.Start, $"{Here()} holds a value of {scalar.Value.Length:N0} characters, more than the {MaxValueLength:N0} one value may hold.");
            }

            if (scalar.Value.AsSpan().IndexOfAny(ControlCharacters) is var at and >= 0)
            {
                throw Error(StackFileErrors.ControlCharacter, scalar.Start, string.Create(CultureInfo.InvariantCulture, $"{Here()} holds the control character U+{(int)scalar.Value[at]:X4} in a value. Stack files hold text: remove it."));
            }

            if (_frames.Count == 0 || (_frames.Count == 1 && _frames.Peek().PendingKey == "config" && !IsNull(scalar)))
            {
                throw Error(StackFileErrors.NotStackFile, scalar.Start, _frames.Count == 0
                    ? "a stack file must be a YAML map with a 'config:' key."
                    : "'config' must be a map of '<namespace>:<key>' settings.");
            }

            if (_frames.TryPeek(out var frame) && frame.IsMap && frame.PendingKey is null)
            {
                Key(frame, scalar);
                return;
            }

            var path = PathOfNext(scalar, isCollection: false, out _);
            var first = _flat.Count;
            if (path is not null)
            {
                if (IsNull(scalar))
                {
                    // A plain null is "not set", as it is to validation.
                }
                else if (path.EndsWith(":secure", StringComparison.Ordinal))
                {
                    Emit(path[..^":secure".Length], SecretSetting.Marker(path[..^":secure".Length]), scalar.Start);
                }
                else
                {
                    Emit(path, scalar.Value, scalar.Start);
                }
            }

            Define(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, path, first);
            AfterValue();
        }

        private void OnAlias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (_open.Contains(name))
            {
                throw Error(StackFileErrors.RecursiveAlias, alias.Start, $"{Here()} uses the alias '*{name}' inside the node '&{name}' it names, which would repeat forever. Write the value out instead.");
            }

            if (!_anchors.TryGetValue(name, out var anchored))
            {
                throw Error(StackFileErrors.UndefinedAlias, alias.Start, $"{Here()} uses the alias '*{name}', but no '&{name}' comes before it.");
            }

            var path = PathOfNext(alias, isCollection: false, out _);
            _expanded += anchored.Entries.Length + 1;
            if (_expanded > MaxValues)
            {
                throw Error(StackFileErrors.AliasExpansion, alias.Start, $"{Here()} expands its aliases to more than {MaxValues:N0} values. Write the values out, or use fewer nested aliases.");
            }

            if (path is not null)
            {
                foreach (var (entryPath, value) in anchored.Entries)
                {
                    var suffix = anchored.Base is null ? entryPath : entryPath[anchored.Base.Length..];
                    var full = path + suffix;
                    Emit(full, value is not null && SecretSetting.IsMarker(value) ? SecretSetting.Marker(full) : value, alias.Start);
                }
            }

            AfterValue();
        }

        private static bool IsNull(Scalar scalar) =>
            scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL" or "";

        private void Key(Frame frame, Scalar scalar)
        {
            var key = scalar.Value;
            if (key.Trim().Length == 0)
            {
                throw Error(StackFileErrors.EmptyKey, scalar.Start, $"{Here()} has a key with no name. Name the key, or remove the line.");
            }

            if (!frame.Keys.Add(key))
            {
                var earlier = frame.Keys.First(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
                var how = earlier == key ? $"the key '{key}' appears twice in one map" : $"the keys '{earlier}' and '{key}' differ only in case, and config keys are not told apart by case";
                throw Error(StackFileErrors.DuplicateKey, scalar.Start, $"{how}. Keep one.");
            }

            if (key != "secure" && key.Equals("secure", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(StackFileErrors.SecureCase, scalar.Start, $"'{key}:' is not 'secure:'. Pulumi reads an encrypted value only under 'secure:', in lower case: set the secret again with 'pulumi config set --secret'.");
            }

            var isConfigKey = frame.Path is null && IsConfigMap();
            if (isConfigKey && !key.Contains(':', StringComparison.Ordinal))
            {
                throw Error(StackFileErrors.NoNamespace, scalar.Start, $"config key '{key}' has no namespace. Pulumi config keys are '<namespace>:<key>', such as 'mlops:{key}'.");
            }

            if (!isConfigKey && frame.Path is not null && key.Contains(':', StringComparison.Ordinal))
            {
                throw Error(StackFileErrors.ColonInKey, scalar.Start, $"the key '{key}' holds ':', which config paths use to separate keys. Rename it.");
            }

            if (key != key.Trim())
            {
                throw Error(StackFileErrors.SpaceInKey, scalar.Start, $"the key '{key}' starts or ends with white space. Remove it.");
            }

            frame.PendingKey = key;
            frame.PendingKeyMark = scalar.Start;
        }

        // The flat path of the node about to be read, or null outside 'config:'. A non-scalar key is refused here.
        private string? PathOfNext(ParsingEvent e, bool isCollection, out bool parentIsRoot)
        {
            parentIsRoot = false;
            if (!_frames.TryPeek(out var frame))
            {
                return null;
            }

            if (frame.IsMap)
            {
                if (frame.PendingKey is null)
                {
                    throw Error(StackFileErrors.ComplexKey, e.Start, Here() + (isCollection
                        ? " has a map or list as a key ('? ...'). Keys are names: write 'name: value'."
                        : " uses an alias as a key. Keys are names: write 'name: value'."));
                }

                var key = frame.PendingKey;
                if (_frames.Count == 1)
                {
                    parentIsRoot = key == "config";
                    return null;
                }

                return frame.Path is null ? (_frames.Count == 2 && IsConfigMap() ? key : null) : $"{frame.Path}:{key}";
            }

            if (frame.Path is null)
            {
                return null;
            }

            if (frame.Index > 0)
            {
                EndItem(frame);
            }

            frame.ItemFirstValue = _flat.Count;
            return string.Create(CultureInfo.InvariantCulture, $"{frame.Path}:{frame.Index++}");
        }

        // Whether the map below the root that is open now is the root's 'config:' value.
        private bool IsConfigMap() => _frames.Count == 2 && _frames.Last().PendingKey == "config";

        private void EndItem(Frame list)
        {
            if (_flat.Count == list.ItemFirstValue)
            {
                var key = ConfigKeyPath.ToPulumi(string.Create(CultureInfo.InvariantCulture, $"{list.Path}:{list.Index - 1}"));
                Problems.Add(new ConfigError(CommonErrors.EmptyListEntry, key, $"{key} is an empty list entry: it sets nothing (every key in it is null, or it has none). Remove the entry, or set its keys."));
            }
        }

        private void AfterValue()
        {
            if (_frames.TryPeek(out var frame) && frame.IsMap)
            {
                frame.PendingKey = null;
            }
        }

        private void Define(string? anchor, string? path, int first)
        {
            if (anchor is null)
            {
                return;
            }

            _open.Remove(anchor);
            _anchors[anchor] = (path, _flat.Skip(first).ToArray());
        }

        private void Emit(string path, string? value, Mark mark)
        {
            _flat.Add((path, value));
            if (!Values.TryAdd(path, value))
            {
                throw Error(StackFileErrors.DuplicateKey, mark, $"the key '{ConfigKeyPath.ToPulumi(path)}' is set twice.");
            }
        }

        // What an error is about, as Pulumi spells keys: the setting being read, else the map it is in, else the file.
        private string Here()
        {
            if (!_frames.TryPeek(out var frame))
            {
                return "the file";
            }

            var path = frame.IsMap && frame.PendingKey is { } key
                ? frame.Path is null ? (IsConfigMap() ? key : null) : $"{frame.Path}:{key}"
                : frame.Path;
            return path is null ? (IsConfigMap() ? "'config'" : "the file") : ConfigKeyPath.ToPulumi(path);
        }

        private static string TopLevel(string key)
        {
            var end = key.IndexOfAny(['.', '['], Math.Max(0, key.IndexOf(':', StringComparison.Ordinal)));
            return end < 0 ? key : key[..end];
        }

        private StackFileException Error(ErrorCode code, Mark mark, string message) =>
            new(code, $"{fileName}:{mark.Line}:{mark.Column}: {message}");
    }
}
