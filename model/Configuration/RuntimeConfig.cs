using System.Text;
using Microsoft.Extensions.Configuration;

namespace Infra.Model.Configuration;

/// <summary>
/// Pulumi's runtime configuration, as the engine hands it to a program: a map from <c>namespace:key</c> to a
/// string (structured values as JSON), and the set of keys that are secrets. Turned into the same
/// <see cref="ConfigSnapshot"/> a stack file gives, so both are bound and validated by one code path.
/// </summary>
public static class RuntimeConfig
{
    /// <summary>What messages call this source.</summary>
    public const string SourceName = "the stack's Pulumi config";

    /// <summary>
    /// The snapshot of the given namespaces. Secret settings (as <paramref name="schemas"/> declare them) inside
    /// secret keys are replaced by markers, so that no decrypted value reaches the options.
    /// </summary>
    public static ConfigSnapshot Snapshot(
        IReadOnlyDictionary<string, string> config,
        IReadOnlySet<string> secretKeys,
        IReadOnlyCollection<ConfigSchema> schemas)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(secretKeys);
        ArgumentNullException.ThrowIfNull(schemas);

        var document = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in config.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var ns = key.Split(':')[0];
            if (!schemas.Any(s => s.Namespace.Equals(ns, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!first)
            {
                document.Append(',');
            }

            first = false;
            document.Append(Rendering.JsonStrings.Quote(key)).Append(':').Append(IsStructured(value) ? value : Rendering.JsonStrings.Quote(value));
        }

        document.Append('}');

        IConfiguration flat;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToString()));
            flat = new ConfigurationBuilder().AddJsonStream(stream).Build();
        }
        catch (FormatException ex)
        {
            throw new StackFileException(StackFileErrors.RuntimeJson, $"{SourceName} holds a structured value that is not valid JSON: {ex.Message}", ex);
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in flat.AsEnumerable())
        {
            if (value is null)
            {
                continue;
            }

            var topLevel = ConfigKeyPath.TopLevelKey(key);
            var schema = schemas.First(s => s.Namespace.Equals(key.Split(':')[0], StringComparison.OrdinalIgnoreCase));
            var secret = secretKeys.Contains(topLevel) && (schema.IsSecretPath(key) || !schema.Knows(key));
            values[key] = secret ? SecretSetting.Marker(key) : value;
        }

        return new ConfigSnapshot(SourceName, values);
    }

    private static bool IsStructured(string value)
    {
        var trimmed = value.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }
}
