using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Jsonata;

/// <summary><c>$formatInteger</c> and <c>$parseInteger</c>: decimal patterns, letters, roman numerals, English words.</summary>
internal static class IntegerFormatter
{
    private static readonly string[] Few =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
        "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] Ordinals =
    [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth",
        "Nineteenth",
    ];

    private static readonly string[] Decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"];

    private static readonly string[] Magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    private static readonly (int Value, string Letters)[] RomanNumerals =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
        (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    private static readonly Lazy<Dictionary<string, double>> WordValues = new(() =>
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Few.Length; i++)
        {
            values[Few[i].ToLowerInvariant()] = i;
            values[Ordinals[i].ToLowerInvariant()] = i;
        }

        for (var i = 0; i < Decades.Length; i++)
        {
            var lword = Decades[i].ToLowerInvariant();
            var value = i == 8 ? 100 : (i + 2) * 10;
            values[lword] = value;
            values[lword[..^1] + "ieth"] = value;
        }

        values["hundredth"] = 100;
        for (var i = 0; i < Magnitudes.Length; i++)
        {
            var lword = Magnitudes[i].ToLowerInvariant();
            var value = Math.Pow(10, (i + 1) * 3);
            values[lword] = value;
            values[lword + "th"] = value;
        }

        return values;
    });

    public static string Format(double value, string picture) => Format(Math.Floor(value), IntegerPicture.Analyse(picture));

    public static string Format(double value, IntegerPicture format)
    {
        var negative = value < 0;
        value = Math.Abs(value);
        string formatted;
        switch (format.Primary)
        {
            case IntegerPicture.Kind.Letters:
                formatted = ToLetters(value, format.Case == IntegerPicture.LetterCase.Upper ? 'A' : 'a');
                break;
            case IntegerPicture.Kind.Roman:
                formatted = ToRoman(value);
                if (format.Case == IntegerPicture.LetterCase.Upper)
                {
                    formatted = formatted.ToUpperInvariant();
                }

                break;
            case IntegerPicture.Kind.Words:
                formatted = ToWords(value, format.Ordinal);
                formatted = format.Case switch
                {
                    IntegerPicture.LetterCase.Upper => formatted.ToUpperInvariant(),
                    IntegerPicture.LetterCase.Lower => formatted.ToLowerInvariant(),
                    _ => formatted,
                };
                break;
            case IntegerPicture.Kind.Decimal:
                formatted = FormatDecimal(value, format);
                break;
            default:
                throw new JsonataException("D3130", $"Formatting or parsing an integer as a sequence starting with {format.Token} is not supported by this implementation", value: format.Token);
        }

        return negative ? "-" + formatted : formatted;
    }

    private static string FormatDecimal(double value, IntegerPicture format)
    {
        var digits = JsNumber.Format(value);
        if (format.MandatoryDigits > digits.Length)
        {
            digits = new string('0', format.MandatoryDigits - digits.Length) + digits;
        }

        if (format.ZeroCode != 0x30)
        {
            digits = string.Concat(digits.Select(c => char.ConvertFromUtf32(c - '0' + format.ZeroCode)));
        }

        var units = BuiltinFunctions.CodePoints(digits);
        if (format.RegularInterval > 0)
        {
            var separator = format.Separators[0].Character;
            var n = (units.Count - 1) / format.RegularInterval;
            for (var ii = n; ii > 0; ii--)
            {
                units.Insert(units.Count - (ii * format.RegularInterval), separator);
            }
        }
        else
        {
            foreach (var (position, character) in Enumerable.Reverse(format.Separators))
            {
                var at = units.Count - position;
                if (at >= 0)
                {
                    units.Insert(at, character);
                }
            }
        }

        var result = string.Concat(units);
        if (format.Ordinal)
        {
            result += OrdinalSuffix(result);
        }

        return result;
    }

    private static string OrdinalSuffix(string digits)
    {
        var last = digits[^1];
        var suffix = last switch
        {
            '1' => "st",
            '2' => "nd",
            '3' => "rd",
            _ => "th",
        };
        return digits.Length > 1 && digits[^2] == '1' ? "th" : suffix;
    }

    private static string ToLetters(double value, char a)
    {
        var letters = new StringBuilder();
        while (value > 0)
        {
            letters.Insert(0, (char)(((value - 1) % 26) + a));
            value = Math.Floor((value - 1) / 26);
        }

        return letters.ToString();
    }

    private static string ToRoman(double value)
    {
        var b = new StringBuilder();
        foreach (var (v, letters) in RomanNumerals)
        {
            while (value >= v)
            {
                b.Append(letters);
                value -= v;
            }
        }

        return b.ToString();
    }

    public static string ToWords(double value, bool ordinal) => Lookup(value, false, ordinal);

    private static string Lookup(double num, bool prev, bool ord)
    {
        string words;
        if (num <= 19)
        {
            words = (prev ? " and " : string.Empty) + (ord ? Ordinals[(int)num] : Few[(int)num]);
        }
        else if (num < 100)
        {
            var tens = (int)(num / 10);
            var remainder = num % 10;
            words = (prev ? " and " : string.Empty) + Decades[tens - 2];
            if (remainder > 0)
            {
                words += "-" + Lookup(remainder, false, ord);
            }
            else if (ord)
            {
                words = words[..^1] + "ieth";
            }
        }
        else if (num < 1000)
        {
            var hundreds = (int)Math.Floor(num / 100);
            var remainder = num % 100;
            words = (prev ? ", " : string.Empty) + Few[hundreds] + " Hundred";
            if (remainder > 0)
            {
                words += Lookup(remainder, true, ord);
            }
            else if (ord)
            {
                words += "th";
            }
        }
        else
        {
            var mag = (int)Math.Floor(Math.Log10(num) / 3);
            if (mag > Magnitudes.Length)
            {
                mag = Magnitudes.Length;
            }

            var factor = Math.Pow(10, mag * 3);
            var mant = Math.Floor(num / factor);
            var remainder = num - (mant * factor);
            words = (prev ? ", " : string.Empty) + Lookup(mant, false, false) + " " + Magnitudes[mag - 1];
            if (remainder > 0)
            {
                words += Lookup(remainder, true, ord);
            }
            else if (ord)
            {
                words += "th";
            }
        }

        return words;
    }

    public static object? Parse(string value, string picture)
    {
        var format = IntegerPicture.Analyse(picture);
        return ParseMatcher(format).Parse(value);
    }

    /// <summary>A regex that recognises a formatted integer, and the function that reads its value.</summary>
    internal sealed record Matcher(string Regex, Func<string, double> Parse);

    internal static Matcher ParseMatcher(IntegerPicture format)
    {
        switch (format.Primary)
        {
            case IntegerPicture.Kind.Letters:
            {
                var a = format.Case == IntegerPicture.LetterCase.Upper ? 'A' : 'a';
                return new Matcher(a == 'A' ? "[A-Z]+" : "[a-z]+", text =>
                {
                    double result = 0;
                    for (var i = 0; i < text.Length; i++)
                    {
                        result += (text[text.Length - i - 1] - a + 1) * Math.Pow(26, i);
                    }

                    return result;
                });
            }

            case IntegerPicture.Kind.Roman:
                return new Matcher(format.Case == IntegerPicture.LetterCase.Upper ? "[MDCLXVI]+" : "[mdclxvi]+", FromRoman);
            case IntegerPicture.Kind.Words:
            {
                var words = WordValues.Value.Keys.Concat(["and", "[\\-, ]"]).ToList();
                return new Matcher("(?:" + string.Join("|", words.OrderByDescending(w => w.Length)) + ")+", text => FromWords(text.ToLowerInvariant()));
            }

            case IntegerPicture.Kind.Decimal:
            {
                var pattern = new StringBuilder();
                pattern.Append("[0-9").Append(format.ZeroCode == 0x30 ? string.Empty : Regex.Escape(char.ConvertFromUtf32(format.ZeroCode)) + "-" + Regex.Escape(char.ConvertFromUtf32(format.ZeroCode + 9)));
                foreach (var separator in format.Separators.Select(s => s.Character).Distinct())
                {
                    pattern.Append(Regex.Escape(separator));
                }

                pattern.Append("]+");
                if (format.Ordinal)
                {
                    pattern.Append("(?:th|st|nd|rd)");
                }

                return new Matcher(pattern.ToString(), text =>
                {
                    if (format.Ordinal)
                    {
                        text = text[..^2];
                    }

                    var digits = new StringBuilder();
                    for (var i = 0; i < text.Length; i++)
                    {
                        var cp = char.ConvertToUtf32(text, i);
                        if (char.IsHighSurrogate(text[i]))
                        {
                            i++;
                        }

                        if (cp >= format.ZeroCode && cp <= format.ZeroCode + 9)
                        {
                            digits.Append((char)('0' + cp - format.ZeroCode));
                        }
                        else if (cp is >= '0' and <= '9')
                        {
                            digits.Append((char)cp);
                        }
                    }

                    return double.Parse(digits.ToString(), CultureInfo.InvariantCulture);
                });
            }

            default:
                throw new JsonataException("D3130", $"Formatting or parsing an integer as a sequence starting with {format.Token} is not supported by this implementation", value: format.Token);
        }
    }

    private static double FromRoman(string roman)
    {
        double result = 0;
        var max = 1;
        for (var i = roman.Length - 1; i >= 0; i--)
        {
            var value = RomanNumerals.First(r => r.Letters.Length == 1 && r.Letters[0] == char.ToLowerInvariant(roman[i])).Value;
            if (value < max)
            {
                result -= value;
            }
            else
            {
                max = value;
                result += value;
            }
        }

        return result;
    }

    private static double FromWords(string text)
    {
        var parts = Regex.Split(text, @",\s|\sand\s|[\s\-]");
        var segments = new List<double> { 0 };
        foreach (var part in parts)
        {
            if (!WordValues.Value.TryGetValue(part, out var value))
            {
                continue;
            }

            if (value < 100)
            {
                var top = segments[^1];
                segments.RemoveAt(segments.Count - 1);
                if (top >= 1000)
                {
                    segments.Add(top);
                    top = 0;
                }

                segments.Add(top + value);
            }
            else
            {
                var top = segments[^1];
                segments[^1] = top * value;
            }
        }

        return segments.Sum();
    }
}
