using System.Collections.Immutable;

namespace Infra.Model.Configuration;

/// <summary>
/// A stack's configuration as flat IConfiguration keys (<c>mlops:gpu:hosts:0:name</c>), whichever source it came
/// from: a stack file read offline or Pulumi's runtime config. Secret values are never in it: each is replaced by
/// a marker that names where the secret lives.
/// </summary>
public sealed class ConfigSnapshot
{
    private readonly ImmutableSortedDictionary<string, string?> _values;

    // The names directly below each path, so that walking a large configuration is linear in its keys.
    private readonly Lazy<Dictionary<string, string[]>> _children;

    /// <summary>Creates a snapshot from flat keys; <paramref name="source"/> names where they came from in messages.</summary>
    /// <param name="source">Where the keys came from, as messages name it.</param>
    /// <param name="values">The flat keys and values.</param>
    /// <param name="problems">What reading found wrong that the keys cannot show (a list entry that sets nothing).</param>
    public ConfigSnapshot(string source, IEnumerable<KeyValuePair<string, string?>> values, IEnumerable<ConfigError>? problems = null)
    {
        Problems = problems is null ? [] : [.. problems];
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(values);
        Source = source;
        _values = values.ToImmutableSortedDictionary(StringComparer.OrdinalIgnoreCase);
        _children = new Lazy<Dictionary<string, string[]>>(IndexChildren);
    }

    /// <summary>What reading the source found wrong that its keys cannot show; validation reports it with its own errors.</summary>
    public ImmutableArray<ConfigError> Problems { get; }

    /// <summary>Where the configuration came from (a file name, or Pulumi's runtime config).</summary>
    public string Source { get; }

    /// <summary>Every key and value, sorted by key.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Values => _values;

    /// <summary>The value at a path, or null where the path holds nothing or only children.</summary>
    public string? Value(string path) => _values.GetValueOrDefault(path);

    /// <summary>Whether any key lies below <paramref name="path"/>.</summary>
    public bool HasChildren(string path) => Children(path).Any();

    /// <summary>The names of the keys directly below <paramref name="path"/>, list indices in numeric order.</summary>
    public IEnumerable<string> Children(string path) => _children.Value.GetValueOrDefault(path) ?? [];

    private Dictionary<string, string[]> IndexChildren()
    {
        var children = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in _values.Keys)
        {
            for (var end = key.IndexOf(':', StringComparison.Ordinal); end > 0; end = key.IndexOf(':', end + 1))
            {
                var next = key.IndexOf(':', end + 1);
                var name = next < 0 ? key[(end + 1)..] : key[(end + 1)..next];
                var parent = key[..end];
                if (!children.TryGetValue(parent, out var names))
                {
                    children[parent] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                names.Add(name);
            }
        }

        return children.ToDictionary(
            c => c.Key,
            c => c.Value.OrderBy(n => n.All(char.IsAsciiDigit) ? n.PadLeft(10, '0') : n, StringComparer.Ordinal).ToArray(),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>This snapshot with secrets present at <paramref name="configurationPaths"/>, as if they were set.</summary>
    public ConfigSnapshot WithSecrets(IEnumerable<string> configurationPaths)
    {
        ArgumentNullException.ThrowIfNull(configurationPaths);
        var values = _values.ToDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (var path in configurationPaths)
        {
            values[path] = SecretSetting.Marker(path);
        }

        return new ConfigSnapshot(Source, values, Problems);
    }

    /// <summary>Whether the top-level key is set at all.</summary>
    public bool Contains(string topLevelKey) =>
        _values.ContainsKey(topLevelKey) || HasChildren(topLevelKey);

    /// <summary>
    /// The snapshot without the keys at or below <paramref name="rejected"/> and without empty values, as the
    /// schemas bind it: a YAML null (<c>teams:</c> with nothing after it) means "not set", as it does to validation.
    /// </summary>
    public ConfigSnapshot Accepted(IReadOnlySet<string>? rejected = null) =>
        new(Source, _values.Where(kv => !string.IsNullOrEmpty(kv.Value) && (rejected is null || !IsAtOrBelowAny(kv.Key, rejected))));

    /// <summary>The top-level Pulumi keys set (<c>mlops:gpu</c>), as the source spells them.</summary>
    public IEnumerable<string> TopLevelKeys() =>
        _values.Keys.Where(k => k.Contains(':', StringComparison.Ordinal)).Select(ConfigKeyPath.TopLevelKey).Distinct(StringComparer.OrdinalIgnoreCase);

    private IEnumerable<string> Namespaces() =>
        _values.Keys.Select(k => k.Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase);

    private static bool IsAtOrBelowAny(string key, IReadOnlySet<string> paths)
    {
        for (var path = key; ; path = path[..path.LastIndexOf(':')])
        {
            if (paths.Contains(path))
            {
                return true;
            }

            if (!path.Contains(':', StringComparison.Ordinal))
            {
                return false;
            }
        }
    }
}
