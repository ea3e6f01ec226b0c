using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;

namespace Infra.Model.Configuration;

/// <summary>
/// A stack's configuration as flat IConfiguration keys (<c>mlops:gpu:hosts:0:name</c>), whichever source it came
/// from: a stack file read offline or Pulumi's runtime config. Secret values are never in it: each is replaced by
/// a marker that names where the secret lives.
/// </summary>
public sealed class ConfigSnapshot
{
    private readonly ImmutableSortedDictionary<string, string?> _values;

    /// <summary>Creates a snapshot from flat keys; <paramref name="source"/> names where they came from in messages.</summary>
    public ConfigSnapshot(string source, IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(values);
        Source = source;
        _values = values.ToImmutableSortedDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Where the configuration came from (a file name, or Pulumi's runtime config).</summary>
    public string Source { get; }

    /// <summary>Every key and value, sorted by key.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Values => _values;

    /// <summary>The value at a path, or null where the path holds nothing or only children.</summary>
    public string? Value(string path) => _values.GetValueOrDefault(path);

    /// <summary>Whether any key lies below <paramref name="path"/>.</summary>
    public bool HasChildren(string path) => Children(path).Any();

    /// <summary>The names of the keys directly below <paramref name="path"/>, list indices in numeric order.</summary>
    public IEnumerable<string> Children(string path)
    {
        var prefix = path + ":";
        return _values.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => k[prefix.Length..].Split(':')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(c => c.All(char.IsAsciiDigit) ? c.PadLeft(10, '0') : c, StringComparer.Ordinal);
    }

    /// <summary>Whether the top-level key is set at all.</summary>
    public bool Contains(string topLevelKey) =>
        _values.ContainsKey(topLevelKey) || HasChildren(topLevelKey);

    /// <summary>
    /// The snapshot as IConfiguration, without the keys at or below <paramref name="rejected"/> and without empty
    /// values: a YAML null (<c>teams:</c> with nothing after it) means "not set", as it does to validation.
    /// </summary>
    public IConfiguration ToConfiguration(IReadOnlySet<string>? rejected = null)
    {
        var kept = _values.Where(kv => !string.IsNullOrEmpty(kv.Value) && (rejected is null || !IsAtOrBelowAny(kv.Key, rejected)));
        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
    }

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
