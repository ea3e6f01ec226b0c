using System.Text;

namespace Infra.Model.Configuration;

/// <summary>
/// Converts between the two spellings of a config key: IConfiguration's
/// (<c>mlops:gpu:hosts:0:name</c>) and Pulumi's, as <c>pulumi config set --path</c> takes it
/// (<c>mlops:gpu.hosts[0].name</c>).
/// </summary>
public static class ConfigKeyPath
{
    /// <summary>Pulumi's spelling of an IConfiguration path whose first segment is the namespace.</summary>
    public static string ToPulumi(string configurationPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationPath);
        var segments = configurationPath.Split(':');
        if (segments.Length == 1)
        {
            return segments[0];
        }

        var builder = new StringBuilder(segments[0]).Append(':').Append(segments[1]);
        foreach (var segment in segments.Skip(2))
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                builder.Append('[').Append(segment).Append(']');
            }
            else
            {
                builder.Append('.').Append(segment);
            }
        }

        return builder.ToString();
    }

    /// <summary>IConfiguration's spelling of a key as Pulumi spells it (<c>mlops:gpu.hosts[0].gpus</c> to <c>mlops:gpu:hosts:0:gpus</c>).</summary>
    public static string FromPulumi(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var rest = key[(colon + 1)..].Replace("]", string.Empty, StringComparison.Ordinal).Replace('[', '.').Replace('.', ':');
        return colon < 0 ? key : $"{key[..colon]}:{rest}";
    }

    /// <summary>
    /// A message whose fix commands (<c>'pulumi config set ...'</c>, <c>'pulumi config rm ...'</c>) name
    /// <paramref name="stack"/>, so that running one changes that stack, not whichever stack is selected.
    /// </summary>
    public static string ForStack(string message, string stack)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(stack);
        return System.Text.RegularExpressions.Regex.Replace(message, "'pulumi config (set|rm) (?!--stack )", $"'pulumi config $1 --stack {stack} ");
    }

    /// <summary>The top-level Pulumi config key (<c>mlops:gpu</c>) of an IConfiguration path.</summary>
    public static string TopLevelKey(string configurationPath)
    {
        var segments = configurationPath.Split(':');
        return segments.Length == 1 ? segments[0] : $"{segments[0]}:{segments[1]}";
    }

    /// <summary>Whether the key is nested below a top-level key, so that Pulumi needs <c>--path</c>.</summary>
    public static bool IsNested(string configurationPath) => configurationPath.Count(c => c == ':') > 1;

    /// <summary>
    /// The command that sets the key: <c>pulumi config set --path "mlops:gpu.hosts[0].gpus" &lt;number&gt;</c>, of
    /// stack <paramref name="stack"/> where given.
    /// </summary>
    public static string SetCommand(string configurationPath, string placeholder, bool secret = false, string? stack = null) =>
        SetCommandForKey(ToPulumi(configurationPath), placeholder, secret, stack);

    /// <summary>The command that sets a key Pulumi's way spelt (<c>mlops:gpu.hosts[0].gpus</c>), of stack <paramref name="stack"/> where given.</summary>
    public static string SetCommandForKey(string key, string placeholder, bool secret = false, string? stack = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var nested = key.IndexOfAny(['.', '['], key.IndexOf(':', StringComparison.Ordinal) + 1) >= 0;
        var quoted = key.Contains('[', StringComparison.Ordinal) ? $"\"{key}\"" : key;
        var flags = (stack is null ? string.Empty : $" --stack {stack}") + (secret ? " --secret" : string.Empty) + (nested ? " --path" : string.Empty);
        return $"pulumi config set{flags} {quoted} {placeholder}";
    }

    /// <summary>The command that removes the key.</summary>
    public static string RemoveCommand(string configurationPath)
    {
        var key = ToPulumi(configurationPath);
        var quoted = key.Contains('[', StringComparison.Ordinal) ? $"\"{key}\"" : key;
        return IsNested(configurationPath) ? $"pulumi config rm --path {quoted}" : $"pulumi config rm {quoted}";
    }
}
