using System.Globalization;
using System.Text;

namespace Workflow.Jsonata;

/// <summary>JavaScript's rendering of numbers (Number.prototype.toString) and strings (JSON.stringify).</summary>
public static class JsNumber
{
    /// <summary>The shortest round-trip digits, laid out as JavaScript does (exponent below 1e-6 and from 1e21).</summary>
    public static string Format(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative)
        {
            shortest = shortest[1..];
        }

        // Split "d.dddE+xx" or "ddd.ddd" into significant digits and the decimal exponent n (value = 0.digits * 10^n).
        var exponentAt = shortest.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt >= 0 ? shortest[..exponentAt] : shortest;
        var exp = exponentAt >= 0 ? int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        var n = intPart.Length + exp - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var k = digits.Length;
        var b = new StringBuilder();
        if (negative)
        {
            b.Append('-');
        }

        if (k <= n && n <= 21)
        {
            b.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            b.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            b.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            b.Append(digits[0]);
            if (k > 1)
            {
                b.Append('.').Append(digits, 1, k - 1);
            }

            b.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }

        return b.ToString();
    }

    /// <summary>Number(value.toPrecision(15)): JSONata's way of hiding binary floating-point noise.</summary>
    public static double ToPrecision15(double value) =>
        double.Parse(value.ToString("E14", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static void WriteQuoted(StringBuilder b, string s)
    {
        b.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c < 0x20
                        || (char.IsHighSurrogate(c) && (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])))
                        || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]))))
                    {
                        b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        b.Append(c);
                    }

                    break;
            }
        }

        b.Append('"');
    }
}
