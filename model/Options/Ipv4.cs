using System.Globalization;
using System.Net;

namespace Infra.Model.Options;

/// <summary>
/// IPv4 addresses and CIDR blocks in the one form the cluster manifest and vSphere take: four decimal octets with
/// no leading zeros, and a prefix length of 1 to 32. '010.0.0.1' (octal to some parsers), '0x0a.0.0.1' (hex) and
/// '167772161' (one number) are refused rather than written into a manifest verbatim. What parses formats back the
/// same: <c>Format(Parse(s)) == s</c>.
/// </summary>
public static class Ipv4
{
    /// <summary>The address, or null when <paramref name="value"/> is not one in dotted-decimal form.</summary>
    public static IPAddress? Parse(string? value)
    {
        var parts = value?.Split('.');
        if (parts is not { Length: 4 })
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return null;
            }

            var octet = int.Parse(part, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return null;
            }

            bytes[i] = (byte)octet;
        }

        return new IPAddress(bytes);
    }

    /// <summary>An address with its prefix length (<c>10.0.0.1/24</c>), or null.</summary>
    public static (IPAddress Address, int Prefix)? ParseCidr(string? value)
    {
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || Parse(value![..slash]) is not { } address)
        {
            return null;
        }

        var digits = value[(slash + 1)..];
        if (digits.Length is < 1 or > 2 || !digits.All(char.IsAsciiDigit) || (digits.Length == 2 && digits[0] == '0'))
        {
            return null;
        }

        var prefix = int.Parse(digits, CultureInfo.InvariantCulture);
        return prefix is >= 1 and <= 32 ? (address, prefix) : null;
    }

    /// <summary>The dotted-decimal form of an address.</summary>
    public static string Format(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.ToString();
    }
}
