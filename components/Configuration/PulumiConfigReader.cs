using System.Collections.Immutable;
using System.Text.Json;
using Infra.Model.Configuration;
using Pulumi;

namespace Infra.Components.Configuration;

/// <summary>
/// Reads the stack's configuration inside <c>pulumi up</c> and hands it to the model's one binding and validation
/// path. The list of keys and secret keys comes from the language host's contract (the <c>PULUMI_CONFIG</c> and
/// <c>PULUMI_CONFIG_SECRET_KEYS</c> variables, as the SDK reads them); each value is read through <see cref="Config"/>.
/// </summary>
public static class PulumiConfigReader
{
    private const string ConfigVariable = "PULUMI_CONFIG";
    private const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    /// <summary>Binds and validates the running stack's configuration.</summary>
    public static LoadedConfig Load()
    {
        var keys = ConfigKeys();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in PlatformConfiguration.Schemas)
        {
            var config = new Config(schema.Namespace);
            foreach (var key in keys.Where(k => k.StartsWith(schema.Namespace + ":", StringComparison.Ordinal)))
            {
                if (config.Get(key[(schema.Namespace.Length + 1)..]) is { } value)
                {
                    values[key] = value;
                }
            }
        }

        return PlatformConfiguration.Load(RuntimeConfig.Snapshot(values, SecretKeys(), PlatformConfiguration.Schemas));
    }

    /// <summary>The options, or a clean failure of the update listing every error (no stack trace).</summary>
    public static LoadedConfig LoadValid()
    {
        var loaded = Load();
        if (!loaded.IsValid)
        {
            // The errors travel in the exception itself: log calls are asynchronous, and the runner stops at the
            // first exception without waiting for them, so separately logged errors could be lost.
            var count = loaded.Errors.Length;
            throw new RunException(
                $"The stack configuration has {count} error{(count == 1 ? string.Empty : "s")}; nothing was created.\n" +
                string.Join('\n', loaded.Errors.Select(e => $"  {e.Text}")));
        }

        foreach (var notice in loaded.Notices.Concat(loaded.Advisories))
        {
            Log.Warn(notice);
        }

        return loaded;
    }

    /// <summary>
    /// Reads a secret setting's value as a secret output: the whole key for a plain key, else the path inside the
    /// key's structured value.
    /// </summary>
    public static Output<string> RequireSecret(SecretSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var (ns, key) = Split(setting.ConfigKey);
        var config = new Config(ns);
        if (setting.Path.Length == 0)
        {
            return config.RequireSecret(key);
        }

        return config.RequireSecretObject<JsonElement>(key).Apply(root => Navigate(root, setting));
    }

    private static string Navigate(JsonElement root, SecretSetting setting)
    {
        var current = root;
        foreach (var segment in setting.Path.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.'))
        {
            current = current.ValueKind == JsonValueKind.Array
                ? current[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]
                : current.EnumerateObject().First(p => p.Name.Equals(segment, StringComparison.OrdinalIgnoreCase)).Value;
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString()! : current.GetRawText();
    }

    private static (string Namespace, string Key) Split(string fullKey)
    {
        var colon = fullKey.IndexOf(':', StringComparison.Ordinal);
        return (fullKey[..colon], fullKey[(colon + 1)..]);
    }

    private static ImmutableArray<string> ConfigKeys()
    {
        var json = Environment.GetEnvironmentVariable(ConfigVariable);
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => CleanKey(p.Name))];
    }

    private static HashSet<string> SecretKeys()
    {
        var json = Environment.GetEnvironmentVariable(SecretKeysVariable);
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => CleanKey(e.GetString() ?? string.Empty)).ToHashSet(StringComparer.Ordinal);
    }

    // Older language hosts spell keys 'project:config:key'; the SDK drops the ':config' part, and so do we.
    private static string CleanKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && key[(colon + 1)..].StartsWith("config:", StringComparison.Ordinal)
            ? string.Concat(key.AsSpan(0, colon + 1), key.AsSpan(colon + 1 + "config:".Length))
            : key;
    }
}
