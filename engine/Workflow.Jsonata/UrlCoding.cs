using System.Globalization;
using System.Text;

namespace Workflow.Jsonata;

/// <summary>JavaScript's encodeURI / encodeURIComponent / decodeURI / decodeURIComponent; malformed input is D3140.</summary>
internal static class UrlCoding
{
    private const string ComponentSafe = "-_.!~*'()";
    private const string UriReserved = ";,/?:@&=+$#";

    public static string Encode(string s, bool component)
    {
        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || ComponentSafe.Contains(c, StringComparison.Ordinal) || (!component && UriReserved.Contains(c, StringComparison.Ordinal)))
            {
                b.Append(c);
                continue;
            }

            string unit;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    throw Malformed(s);
                }

                unit = s.Substring(i++, 2);
            }
            else if (char.IsLowSurrogate(c))
            {
                throw Malformed(s);
            }
            else
            {
                unit = c.ToString();
            }

            foreach (var by in Encoding.UTF8.GetBytes(unit))
            {
                b.Append('%').Append(by.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return b.ToString();
    }

    public static string Decode(string s, bool component)
    {
        var b = new StringBuilder(s.Length);
        var strict = new UTF8Encoding(false, true);
        for (var i = 0; i < s.Length;)
        {
            if (s[i] != '%')
            {
                b.Append(s[i++]);
                continue;
            }

            var start = i;
            var first = HexByte(s, i);
            var count = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : throw Malformed(s);
            var bytes = new byte[count];
            bytes[0] = (byte)first;
            i += 3;
            for (var k = 1; k < count; k++)
            {
                if (i >= s.Length || s[i] != '%')
                {
                    throw Malformed(s);
                }

                bytes[k] = (byte)HexByte(s, i);
                i += 3;
            }

            string decoded;
            try
            {
                decoded = strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw Malformed(s);
            }

            if (!component && count == 1 && UriReserved.Contains(decoded[0], StringComparison.Ordinal))
            {
                b.Append(s, start, 3);
            }
            else
            {
                b.Append(decoded);
            }
        }

        return b.ToString();
    }

    private static int HexByte(string s, int at)
    {
        if (at + 3 > s.Length || !int.TryParse(s.AsSpan(at + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed(s);
        }

        return value;
    }

    private static JsonataException Malformed(string s) => new("D3140", $"Malformed URL passed to $decodeUrl(): {s}", value: s);
}
