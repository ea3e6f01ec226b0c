using System.ComponentModel;
using System.Globalization;

namespace Infra.Model.Configuration;

/// <summary>
/// A setting whose value is a secret. The options never hold the value, only where it lives: offline a
/// <c>secure:</c> value is never decrypted, and inside <c>pulumi up</c> the Pulumi program reads it with
/// <c>Config.RequireSecret</c> from <see cref="ConfigKey"/> and, for a structured key, <see cref="Path"/>.
/// </summary>
/// <param name="ConfigKey">The top-level Pulumi key holding the secret, e.g. <c>mlops:tanzu</c>.</param>
/// <param name="Path">The path inside that key's structured value (e.g. <c>supervisor.kubeconfig</c>); empty for a plain key.</param>
[TypeConverter(typeof(SecretSettingConverter))]
public sealed record SecretSetting(string ConfigKey, string Path)
{
    // A marker names where a secret lives. Its prefix holds a control character no stack file may hold (StackYaml
    // refuses them) and a random part drawn anew by every process, so no value a user writes can pass for one.
    private static readonly string MarkerPrefix = $"\u0001secret-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}:";

    /// <summary>The key as <c>pulumi config set --path</c> spells it.</summary>
    public string FullKey => Path.Length == 0 ? ConfigKey : $"{ConfigKey}.{Path}";

    /// <summary>The setting a full key names, as <see cref="FullKey"/> spells it (<c>mlops:gpu.operator.licenseToken</c>).</summary>
    public static SecretSetting Parse(string fullKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullKey);
        var colon = fullKey.IndexOf(':', StringComparison.Ordinal);
        var dot = fullKey.IndexOf('.', colon + 1);
        return dot < 0 ? new SecretSetting(fullKey, string.Empty) : new SecretSetting(fullKey[..dot], fullKey[(dot + 1)..]);
    }

    /// <summary>What a plan or a log shows in place of the value.</summary>
    public override string ToString() => $"[secret {FullKey}]";

    /// <summary>
    /// The value a configuration snapshot holds for a secret leaf at <paramref name="configurationPath"/>:
    /// it names the place, never the value, and binds back to a <see cref="SecretSetting"/>.
    /// </summary>
    internal static string Marker(string configurationPath) => MarkerPrefix + configurationPath;

    internal static bool IsMarker(string? value) => value is not null && value.StartsWith(MarkerPrefix, StringComparison.Ordinal);

    internal static SecretSetting FromMarker(string marker)
    {
        var configurationPath = marker[MarkerPrefix.Length..];
        var topLevel = ConfigKeyPath.TopLevelKey(configurationPath);
        var full = ConfigKeyPath.ToPulumi(configurationPath);
        var path = full.Length > topLevel.Length ? full[(topLevel.Length + 1)..] : string.Empty;
        return new SecretSetting(topLevel, path);
    }

    private sealed class SecretSettingConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

        public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
            value is string s && IsMarker(s)
                ? FromMarker(s)
                : throw new NotSupportedException("A secret setting binds only from a secret config value.");
    }
}
