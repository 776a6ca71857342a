using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Workflow.EventBridge;

/// <summary>An IPv4 or IPv6 network (address bytes plus prefix length); a single address has a full-length prefix.</summary>
internal sealed class IpAddressRange
{
    private readonly byte[] _bytes;
    private readonly int _prefixBits;

    private IpAddressRange(byte[] bytes, int prefixBits)
    {
        _bytes = bytes;
        _prefixBits = prefixBits;
    }

    public static IpAddressRange ParseCidr(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || text.IndexOf('/', slash + 1) >= 0)
        {
            throw new InvalidEventPatternException("Malformed CIDR, one '/' required");
        }
        var maskText = text[(slash + 1)..];
        if (!int.TryParse(maskText, NumberStyles.None, CultureInfo.InvariantCulture, out var mask))
        {
            throw new InvalidEventPatternException("Malformed CIDR, mask bits must be an integer");
        }
        var ipText = text[..slash];
        var address = TryParseAddress(ipText) ?? throw new InvalidEventPatternException("Nonstandard IP address: " + ipText);
        var maxBits = address._bytes.Length * 8;
        if (mask < 0 || mask > maxBits)
        {
            throw new InvalidEventPatternException(
                string.Create(CultureInfo.InvariantCulture, $"Malformed CIDR, mask bits must be between 0 and {maxBits}"));
        }
        return new IpAddressRange(address._bytes, mask);
    }

    /// <summary>Parses a strictly formatted address: dotted-quad IPv4 or colon-separated IPv6.</summary>
    public static IpAddressRange? TryParseAddress(string text)
    {
        if (text.Length is 0 or > 45)
        {
            return null;
        }
        if (text.Contains(':', StringComparison.Ordinal))
        {
            // AWS recognises IPv6 only in plain hex-and-colon form (no embedded IPv4, zone or brackets).
            return text.All(c => c == ':' || char.IsAsciiHexDigit(c))
                && IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? new IpAddressRange(v6.GetAddressBytes(), 128)
                : null;
        }
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }
        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length is 0 or > 3 || !parts[i].All(char.IsAsciiDigit)
                || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }
        return new IpAddressRange(bytes, 32);
    }

    public bool Contains(IpAddressRange address)
    {
        if (address._bytes.Length != _bytes.Length)
        {
            return false;
        }
        var fullBytes = _prefixBits / 8;
        for (var i = 0; i < fullBytes; i++)
        {
            if (_bytes[i] != address._bytes[i])
            {
                return false;
            }
        }
        var remaining = _prefixBits % 8;
        if (remaining == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - remaining));
        return (_bytes[fullBytes] & mask) == (address._bytes[fullBytes] & mask);
    }
}
