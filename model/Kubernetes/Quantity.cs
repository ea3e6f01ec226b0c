using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Model.Kubernetes;

/// <summary>
/// A Kubernetes resource quantity (<c>500m</c>, <c>2</c>, <c>4Gi</c>, <c>1e3</c>, <c>.5Gi</c>), read by the grammar
/// of Kubernetes' <c>resource.Quantity</c>: an optionally signed decimal number, then a binary suffix (Ki to Ei), a
/// decimal suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (<c>e3</c>, <c>E-2</c>). The whole string must
/// match, and a value Kubernetes could not hold (beyond 2^63 - 1 in its base unit) is refused, never overflowed.
/// </summary>
public static partial class Quantity
{
    /// <summary>The largest quantity Kubernetes holds: 2^63 - 1 of its base unit (about 8Ei bytes).</summary>
    public const decimal Max = long.MaxValue;

    private const decimal Mebibyte = 1024m * 1024m;
    private const decimal Gibibyte = 1024m * Mebibyte;

    private static readonly (string Suffix, decimal Factor)[] Binary =
        [("Ki", 1024m), ("Mi", Mebibyte), ("Gi", Gibibyte), ("Ti", 1024m * Gibibyte), ("Pi", 1024m * 1024m * Gibibyte), ("Ei", 1024m * 1024m * 1024m * Gibibyte)];

    /// <summary>Whether <paramref name="value"/> is a quantity Kubernetes takes.</summary>
    public static bool IsValid(string? value) => Parse(value) is not null;

    /// <summary>The quantity's value (bytes for sizes, cores for CPU), or null when it is not a quantity Kubernetes takes.</summary>
    public static decimal? Parse(string? value) => TryParse(value, out var parsed, out _) ? parsed : null;

    /// <summary>Parses a quantity; on failure <paramref name="problem"/> says why, as the end of a sentence.</summary>
    public static bool TryParse(string? value, out decimal parsed, out string? problem)
    {
        parsed = 0;
        if (value is null || Pattern().Match(value) is not { Success: true } match)
        {
            problem = "is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi";
            return false;
        }

        var digits = match.Groups["number"].Value;
        var suffix = match.Groups["suffix"].Value;
        try
        {
            var number = decimal.Parse(digits.EndsWith('.') ? digits + "0" : digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var result = checked(number * Factor(suffix));
            parsed = match.Groups["sign"].Value == "-" ? -result : result;
        }
        catch (OverflowException)
        {
            problem = "is larger than any quantity Kubernetes holds (2^63 - 1, about 8Ei)";
            return false;
        }

        if (Math.Abs(parsed) > Max)
        {
            parsed = 0;
            problem = "is larger than any quantity Kubernetes holds (2^63 - 1, about 8Ei)";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>
    /// The quantity written back: with the largest binary suffix that divides it exactly, else as a plain decimal
    /// number. <c>Parse(Format(Parse(s)))</c> is <c>Parse(s)</c> for every quantity <c>s</c>.
    /// </summary>
    public static string Format(decimal value)
    {
        var magnitude = Math.Abs(value);
        var sign = value < 0 ? "-" : string.Empty;
        for (var i = Binary.Length - 1; i >= 0; i--)
        {
            var (suffix, factor) = Binary[i];
            if (magnitude >= factor && magnitude % factor == 0)
            {
                return sign + (magnitude / factor).ToString("0", CultureInfo.InvariantCulture) + suffix;
            }
        }

        return sign + magnitude.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    /// <summary>A size in whole MiB, rounded up; null when not a quantity.</summary>
    public static long? ToMebibytes(string? value) => Parse(value) is { } bytes ? (long)decimal.Ceiling(bytes / Mebibyte) : null;

    /// <summary>A CPU quantity in whole millicores, rounded up; null when not a quantity.</summary>
    public static long? ToMillicores(string? value) => Parse(value) is { } cores ? (long)decimal.Ceiling(cores * 1000m) : null;

    /// <summary>A size in whole GiB, rounded up; null when not a quantity.</summary>
    public static long? ToGibibytes(string? value) => Parse(value) is { } bytes ? (long)decimal.Ceiling(bytes / Gibibyte) : null;

    private static decimal Factor(string suffix)
    {
        foreach (var (binary, factor) in Binary)
        {
            if (suffix == binary)
            {
                return factor;
            }
        }

        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            // A decimal exponent: beyond +-28 no decimal holds it, and Kubernetes would not either past 18.
            var exponent = int.Parse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            if (exponent is > 28 or < -28)
            {
                throw new OverflowException();
            }

            var factor = 1m;
            for (var i = 0; i < Math.Abs(exponent); i++)
            {
                factor *= 10m;
            }

            return exponent < 0 ? 1m / factor : factor;
        }

        return suffix switch
        {
            "" => 1m,
            "n" => 1e-9m,
            "u" => 1e-6m,
            "m" => 1e-3m,
            "k" => 1e3m,
            "M" => 1e6m,
            "G" => 1e9m,
            "T" => 1e12m,
            "P" => 1e15m,
            _ => 1e18m, // "E"
        };
    }

    // Kubernetes' grammar (apimachinery resource/quantity.go): <signedNumber><suffix>, the number '1', '1.', '1.5' or
    // '.5'; an exponent is at most a few digits (longer ones overflow anyway).
    [GeneratedRegex("\\A(?<sign>[+-])?(?<number>[0-9]+(\\.[0-9]*)?|\\.[0-9]+)(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]{1,9}|[numkMGTPE])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
