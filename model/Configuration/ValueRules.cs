using System.Net;
using System.Text.RegularExpressions;
using Infra.Model.Options;

namespace Infra.Model.Configuration;

/// <summary>The shapes of values that settings of several technologies share: names, hosts, addresses, quantities.</summary>
public static partial class ValueRules
{
    /// <summary>Whether a value is a Kubernetes resource quantity such as <c>500m</c>, <c>2</c> or <c>4Gi</c>.</summary>
    public static bool IsQuantity(string value) => Kubernetes.Quantity.IsValid(value);

    /// <summary>Whether a value is a DNS label (RFC 1123) of at most <paramref name="maxLength"/> characters.</summary>
    public static bool IsDnsLabel(string value, int maxLength = 63)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= maxLength && DnsLabelPattern().IsMatch(value);
    }

    /// <summary>Whether a value names a host: a DNS name (labels of letters, digits and '-', any case) or an IPv4 address.</summary>
    public static bool IsHostName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return IsIpv4(value) || (value.Length <= 253 && value.Split('.').All(label => label.Length <= 63 && HostLabelPattern().IsMatch(label)));
    }

    /// <summary>Whether a value is a DNS domain of at least two lowercase labels, such as <c>mlops.example.com</c>.</summary>
    public static bool IsDomain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 253 && value.Contains('.', StringComparison.Ordinal) && value.Split('.').All(label => IsDnsLabel(label));
    }

    /// <summary>Whether a value is an e-mail address.</summary>
    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    /// <summary>
    /// Whether <paramref name="value"/> is a cron schedule as Kubernetes' CronJobs take it: five fields of numbers,
    /// ranges, lists, steps or <c>*</c> (minute 0–59, hour 0–23, day 1–31, month 1–12, weekday 0–7), or a macro.
    /// </summary>
    public static bool IsCronSchedule(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is "@yearly" or "@annually" or "@monthly" or "@weekly" or "@daily" or "@midnight" or "@hourly")
        {
            return true;
        }

        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        (int Min, int Max)[] ranges = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)];
        return fields.Length == 5 && fields.Zip(ranges).All(f => f.First.Split(',').All(part => CronPart(part, f.Second.Min, f.Second.Max)));
    }

    private static bool CronPart(string part, int min, int max)
    {
        var match = CronPartPattern().Match(part);
        if (!match.Success)
        {
            return false;
        }

        bool InRange(Group g) => !g.Success || (int.TryParse(g.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max);
        var ordered = !match.Groups["from"].Success || !match.Groups["to"].Success || int.Parse(match.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture) <= int.Parse(match.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var step = !match.Groups["step"].Success || int.Parse(match.Groups["step"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0;
        return InRange(match.Groups["from"]) && InRange(match.Groups["to"]) && ordered && step;
    }

    [GeneratedRegex("^(?:\\*|(?<from>[0-9]{1,2})(?:-(?<to>[0-9]{1,2}))?)(?:/(?<step>[0-9]{1,2}))?$")]
    private static partial Regex CronPartPattern();

    /// <summary>Whether a value is a dotted-decimal IPv4 address.</summary>
    public static bool IsIpv4(string value) => Ipv4.Parse(value) is not null;

    /// <summary>Whether a value is an http:// or https:// URL with no query.</summary>
    public static bool IsHttpUrl(string value, bool allowQuery = true) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && (allowQuery || uri.Query.Length == 0);

    /// <summary>Whether a value holds a PEM certificate.</summary>
    public static bool IsPem(string value) => value.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);

    /// <summary>Whether two addresses are in the same subnet of <paramref name="prefix"/> bits.</summary>
    public static bool SameSubnet(IPAddress a, IPAddress b, int prefix)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (ToUInt(a) & mask) == (ToUInt(b) & mask);
    }

    private static uint ToUInt(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    [GeneratedRegex("\\A[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?\\z")]
    private static partial Regex HostLabelPattern();

    [GeneratedRegex("\\A[a-z]([-a-z0-9]*[a-z0-9])?\\z")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("\\A[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\z")]
    private static partial Regex EmailPattern();
}
