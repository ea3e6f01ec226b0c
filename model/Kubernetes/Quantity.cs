using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Model.Kubernetes;

/// <summary>A Kubernetes resource quantity (<c>500m</c>, <c>2</c>, <c>4Gi</c>, <c>100G</c>), as config writes sizes.</summary>
public static partial class Quantity
{
    private const decimal Mebibyte = 1024m * 1024m;
    private const decimal Gibibyte = 1024m * Mebibyte;

    /// <summary>Whether <paramref name="value"/> is a quantity.</summary>
    public static bool IsValid(string value) => Parse(value) is not null;

    /// <summary>The quantity's value (bytes for sizes, cores for CPU), or null when it is not a quantity.</summary>
    public static decimal? Parse(string? value)
    {
        if (value is null || Pattern().Match(value) is not { Success: true } match)
        {
            return null;
        }

        var number = decimal.Parse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var factor = match.Groups["unit"].Value switch
        {
            "" => 1m,
            "m" => 0.001m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            "E" => 1e18m,
            "Ki" => 1024m,
            "Mi" => Mebibyte,
            "Gi" => Gibibyte,
            "Ti" => 1024m * Gibibyte,
            "Pi" => 1024m * 1024m * Gibibyte,
            _ => 1024m * 1024m * 1024m * Gibibyte,
        };
        return number * factor;
    }

    /// <summary>A size in whole MiB, rounded up; null when not a quantity.</summary>
    public static long? ToMebibytes(string? value) => Parse(value) is { } bytes ? (long)decimal.Ceiling(bytes / Mebibyte) : null;

    /// <summary>A size in whole GiB, rounded up; null when not a quantity.</summary>
    public static long? ToGibibytes(string? value) => Parse(value) is { } bytes ? (long)decimal.Ceiling(bytes / Gibibyte) : null;

    [GeneratedRegex("^(?<number>[0-9]+(\\.[0-9]+)?)(?<unit>m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")]
    private static partial Regex Pattern();
}
