using System.Globalization;
using CsCheck;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;

namespace Infra.Model.Tests.Configuration;

/// <summary>
/// The parsers of quantities, addresses and names: any string either parses to a value that formats back the same,
/// or is refused; none throws, whatever the string.
/// </summary>
public sealed class ParserPropertyTests
{
    // Strings near the grammars: digits, dots, signs, suffixes, exponents, space and newlines, and anything at all.
    private static readonly Gen<string> Near = Gen.OneOf(
        Gen.Char["0123456789.+-eEkKmMGTPinu \n/x"].Array[0, 24].Select(c => new string(c)),
        Gen.Select(Gen.Char["0123456789"].Array[1, 40], Gen.OneOfConst("", "m", "k", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "E", "e3", "e-3", "e99", "\n", " "))
            .Select((digits, suffix) => new string(digits) + suffix),
        Gen.String);

    [Fact]
    public void Quantity_EveryStringParsesToAValueThatFormatsBackToItOrIsRefused()
    {
        Near.Sample(text =>
        {
            var ok = Quantity.TryParse(text, out var value, out var problem);
            if (!ok)
            {
                return problem is { Length: > 0 } && value == 0;
            }

            // Written back in its canonical form, it reads as the same value; the canonical form is a fixed point.
            var canonical = Quantity.Format(value);
            return Quantity.Parse(canonical) == value && Quantity.Format(Quantity.Parse(canonical)!.Value) == canonical && Math.Abs(value) <= Quantity.Max;
        }, iter: 20_000, threads: 1);
    }

    [Fact]
    public void Quantity_CanonicalFormsRoundTripExactly()
    {
        Gen.Select(Gen.Long[0, 1L << 20], Gen.OneOfConst("", "Ki", "Mi", "Gi", "Ti")).Sample((count, suffix) =>
        {
            var text = count.ToString(CultureInfo.InvariantCulture) + suffix;
            var value = Quantity.Parse(text)!.Value;
            return Quantity.Parse(Quantity.Format(value)) == value;
        }, iter: 5_000, threads: 1);
    }

    [Theory]
    [InlineData("1e3", "1000")]
    [InlineData(".5Gi", "512Mi")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("500m", "0.5")]
    [InlineData("+2", "2")]
    [InlineData("-1Ki", "-1Ki")]
    [InlineData("8Ei", null)]
    [InlineData("7Ei", "7Ei")]
    [InlineData("100Gi\n", null)]
    [InlineData(" 1", null)]
    [InlineData("1 Gi", null)]
    [InlineData("1gi", null)]
    [InlineData("", null)]
    public void Quantity_ReadsAsKubernetesDoes(string text, string? canonical)
    {
        Assert.Equal(canonical, Quantity.Parse(text) is { } value ? Quantity.Format(value) : null);
    }

    [Fact]
    public void Ipv4_EveryStringParsesToAnAddressThatFormatsBackToItOrIsRefused()
    {
        var near = Gen.OneOf(
            Gen.Char["0123456789.x/ "].Array[0, 20].Select(c => new string(c)),
            Gen.Int[0, 300].Array[1, 6].Select(octets => string.Join('.', octets)),
            Gen.String);
        near.Sample(text => Ipv4.Parse(text) is not { } address || Ipv4.Format(address) == text, iter: 20_000, threads: 1);
        near.Sample(text => Ipv4.ParseCidr(text) is not { } cidr || $"{Ipv4.Format(cidr.Address)}/{cidr.Prefix.ToString(CultureInfo.InvariantCulture)}" == text, iter: 20_000, threads: 1);
    }

    [Fact]
    public void StackAndDnsNames_AreWholeStringRules()
    {
        var near = Gen.OneOf(Gen.Char["abAB09-_./ \n\u0000"].Array[0, 12].Select(c => new string(c)), Gen.String);
        near.Sample(
            text =>
            {
                var dns = ValueRules.IsDnsLabel(text);
                var stack = StackName.Problem(text) is null;
                return (!dns || (text.Length is > 0 and <= 63 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && char.IsAsciiLetterLower(text[0]) && text[^1] != '-'))
                    && (!stack || (text.Length is > 0 and <= 100 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && char.IsAsciiLetterOrDigit(text[0])));
            },
            iter: 20_000,
            threads: 1);
    }
}
