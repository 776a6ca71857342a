using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Expressions;

/// <summary>
/// Renders values the way Step Functions' Java runtime prints them in States.Format: strings raw, integers as
/// written, other numbers like <c>Double.toString</c> (<c>1.0</c>, <c>1.0E20</c>), objects like <c>{a=1, b=[]}</c>.
/// </summary>
internal static class JavaText
{
    public static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (JsonValues.KindOf(node))
        {
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            case JsonValueKind.String:
                builder.Append(node!.GetValue<string>());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Number:
                builder.Append(FormatNumber(node!));
                break;
            case JsonValueKind.Array:
            {
                builder.Append('[');
                var array = (JsonArray)node!;
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Append(builder, array[i]);
                }

                builder.Append(']');
                break;
            }

            default:
            {
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in (JsonObject)node!)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(key).Append('=');
                    Append(builder, value);
                }

                builder.Append('}');
                break;
            }
        }
    }

    /// <summary>Integers keep their digits; numbers with a fraction or exponent print as Java's Double.toString.</summary>
    public static string FormatNumber(JsonNode number)
    {
        var raw = JsonValues.RawNumberText(number);
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return raw == "-0" ? "0" : raw;
        }

        JsonValues.TryGetDouble(number, out var value);
        return DoubleToString(value);
    }

    public static string DoubleToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // Shortest round-trip digits, then laid out with Java's rules.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = Decompose(shortest);
        var builder = new StringBuilder();
        if (value < 0)
        {
            builder.Append('-');
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            // exponent: position of the decimal point relative to the first digit.
            if (exponent >= 0)
            {
                var integerDigits = exponent + 1;
                builder.Append(digits.Length >= integerDigits ? digits[..integerDigits] : digits.PadRight(integerDigits, '0'));
                builder.Append('.');
                builder.Append(digits.Length > integerDigits ? digits[integerDigits..] : "0");
            }
            else
            {
                builder.Append("0.").Append('0', -exponent - 1).Append(digits);
            }

            return builder.ToString();
        }

        builder.Append(digits[0]).Append('.');
        builder.Append(digits.Length > 1 ? digits[1..] : "0");
        builder.Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    /// <summary>Splits .NET's "R" text into significant digits and the decimal exponent of the first digit.</summary>
    private static (string Digits, int Exponent) Decompose(string text)
    {
        var span = text.AsSpan().TrimStart('-');
        var exponent = 0;
        var e = span.IndexOfAny('E', 'e');
        if (e >= 0)
        {
            exponent = int.Parse(span[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            span = span[..e];
        }

        var point = span.IndexOf('.');
        var integerPart = point >= 0 ? span[..point] : span;
        var fraction = point >= 0 ? span[(point + 1)..] : [];
        var all = string.Concat(integerPart, fraction);
        var leadingZeros = 0;
        while (leadingZeros < all.Length - 1 && all[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        var digits = all[leadingZeros..].TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        exponent += integerPart.Length - 1 - leadingZeros;
        return (digits, exponent);
    }
}
