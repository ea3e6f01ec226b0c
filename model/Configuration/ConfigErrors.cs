using Infra.Model.Options;

namespace Infra.Model.Configuration;

/// <summary>
/// The one collector every technology's validator adds to: each failure names its rule's code, the key, the value,
/// the rule and the fix. A key that already failed its type or presence check while binding is not reported twice.
/// </summary>
public sealed class ConfigErrors
{
    /// <summary>
    /// The largest size a setting may give (1Pi): larger than any volume, VM or quota, and small enough that every
    /// size in MiB fits the 32-bit counts vSphere and the charts take.
    /// </summary>
    public const decimal MaxSize = 1024m * 1024m * 1024m * 1024m * 1024m;

    private readonly List<ConfigError> _errors = [];
    private readonly IReadOnlySet<string> _alreadyFailed;
    private readonly Dictionary<object, Dictionary<string, int>> _firstIndex = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a collector; <paramref name="alreadyFailed"/> holds the IConfiguration paths that failed while binding.</summary>
    public ConfigErrors(IReadOnlySet<string> alreadyFailed)
    {
        ArgumentNullException.ThrowIfNull(alreadyFailed);
        _alreadyFailed = alreadyFailed;
    }

    /// <summary>The errors so far, in the order found.</summary>
    public IReadOnlyList<ConfigError> Errors => _errors;

    /// <summary>How many errors so far.</summary>
    public int Count => _errors.Count;

    /// <summary>Whether nothing failed, here or while binding: the rules that read the whole configuration as the plan does run only then.</summary>
    public bool NoneYet => _errors.Count == 0 && _alreadyFailed.Count == 0;

    /// <summary>Whether the IConfiguration path failed while binding.</summary>
    public bool FailedWhileBinding(string configurationPath) => _alreadyFailed.Contains(configurationPath);

    /// <summary>Adds a failure of rule <paramref name="code"/> at an IConfiguration path; <paramref name="rest"/> follows the key in the message.</summary>
    public void Fail(ErrorCode code, string configurationPath, string rest)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_alreadyFailed.Contains(configurationPath))
        {
            return;
        }

        var key = ConfigKeyPath.ToPulumi(configurationPath);
        _errors.Add(new ConfigError(code, key, $"{key} {rest}"));
    }

    /// <summary>A quantity setting: Kubernetes' grammar, not negative, and a size (anything but CPU) no larger than <see cref="MaxSize"/>.</summary>
    public void Quantity(string path, string? value, string example)
    {
        if (value is not { Length: > 0 })
        {
            return;
        }

        var isSize = !path.EndsWith("cpu", StringComparison.OrdinalIgnoreCase) && !path.EndsWith("cpuQuota", StringComparison.OrdinalIgnoreCase);
        var rule = !Kubernetes.Quantity.TryParse(value, out var parsed, out var problem) ? problem
            : parsed < 0 ? "is negative: a quantity here is 0 or more"
            : isSize && parsed > MaxSize ? $"is larger than {Kubernetes.Quantity.Format(MaxSize)}, the most any volume, memory or quota here may be"
            : null;
        if (rule is not null)
        {
            Fail(CommonErrors.Quantity, path, $"'{value}' {rule}. Set it with 'pulumi config set --path {Quoted(path)} {example}'.");
        }
    }

    /// <summary>A size from 1Gi to <see cref="MaxSize"/>, as VMs' memory and disks take.</summary>
    public void Size(string path, string? value, string example)
    {
        if (value is not { Length: > 0 })
        {
            return;
        }

        var bytes = Kubernetes.Quantity.Parse(value);
        if (bytes is null || bytes < 1024m * 1024m * 1024m || bytes > MaxSize)
        {
            Fail(CommonErrors.Size, path, $"'{value}' is not a size from 1Gi to {Kubernetes.Quantity.Format(MaxSize)}: write a Kubernetes quantity such as {example}. Set it with 'pulumi config set --path {Quoted(path)} {example}'.");
        }
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public void Range(string path, int? value, int min, int max, string what)
    {
        if (value is { } v && (v < min || v > max))
        {
            Fail(CommonErrors.Range, path, $"'{v}' is out of range: {what} must be {min} to {max}. Set it with 'pulumi config set --path {Quoted(path)} <number>'.");
        }
    }

    /// <summary>A count of instances or replicas: at least 1, since what runs none is turned off instead.</summary>
    public void AtLeastOne(ErrorCode code, string path, int? value, string rule)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (value is < 1)
        {
            Fail(code, path, $"'{value}' is out of range: {rule}. Set it with 'pulumi config set --path {Quoted(path)} <number>'.");
        }
    }

    /// <summary>An IPv4 CIDR block, parsed, or null where it is unset or malformed (then reported).</summary>
    public (System.Net.IPAddress Address, int Prefix)? Cidr(string path, string? value, string example)
    {
        if (value is not { Length: > 0 })
        {
            return null;
        }

        var cidr = Ipv4.ParseCidr(value);
        if (cidr is null)
        {
            Fail(CommonErrors.Cidr, path, $"'{value}' is not an IPv4 CIDR block such as {example}. Set it with 'pulumi config set --path {ConfigKeyPath.ToPulumi(path)} {example}'.");
        }

        return cidr;
    }

    /// <summary>The name of <paramref name="items"/>[<paramref name="i"/>]: a DNS label, and unique in its list.</summary>
    public void LabelAndUnique<T>(IReadOnlyList<T> items, Func<T, string?> name, int i, string listPath, string what)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(name);
        var value = name(items[i]);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var path = $"{listPath}:{i}:name";
        var key = ConfigKeyPath.ToPulumi(path);
        if (!ValueRules.IsDnsLabel(value))
        {
            Fail(CommonErrors.Name, path, $"'{value}' is not a valid {what} name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path \"{key}\" <name>'.");
            return;
        }

        var first = FirstIndex(items, name, i);
        if (first < i)
        {
            Fail(CommonErrors.DuplicateName, path, $"'{value}' is used twice (also {ConfigKeyPath.ToPulumi($"{listPath}:{first}:name")}): {what} names must be unique. Set another with 'pulumi config set --path \"{key}\" <name>'.");
        }
    }

    /// <summary>
    /// The first index of the entry named as <paramref name="items"/>[<paramref name="i"/>] is, compared as vCenter
    /// and Kubernetes compare names (case and surrounding space aside); one index per list, so that checking a list
    /// is linear in its length.
    /// </summary>
    public int FirstIndex<T>(IReadOnlyList<T> items, Func<T, string?> name, int i)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(name);
        if (!_firstIndex.TryGetValue(items, out var firsts))
        {
            firsts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var j = 0; j < items.Count; j++)
            {
                if (name(items[j])?.Trim() is { } key)
                {
                    firsts.TryAdd(key, j);
                }
            }

            _firstIndex[items] = firsts;
        }

        return name(items[i])?.Trim() is { } own && firsts.TryGetValue(own, out var first) ? first : i;
    }

    // A key as a shell argument: quoted where it holds brackets.
    private static string Quoted(string path)
    {
        var key = ConfigKeyPath.ToPulumi(path);
        return key.Contains('[', StringComparison.Ordinal) ? $"\"{key}\"" : key;
    }
}
