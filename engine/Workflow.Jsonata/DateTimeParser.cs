using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Jsonata;

/// <summary>
/// <c>$toMillis</c> with a picture: matches the timestamp against a regex built from the picture, then fills the
/// unspecified components as JSONata does (more significant ones from "now", less significant ones from zero; a
/// gap between specified components is D3136).
/// </summary>
internal static class DateTimeParser
{
    private sealed record Part(string Regex, char Component, Func<string, double?>? Parse);

    public static object? Parse(string timestamp, string picture, DateTimeOffset now)
    {
        var spec = DateTimePicture.Analyse(picture);
        var parts = spec.Parts.Select(ToPart).ToList();
        var regex = new StringBuilder("^");
        foreach (var part in parts)
        {
            regex.Append(part.Parse is null ? part.Regex : "(" + part.Regex + ")");
        }

        regex.Append('$');
        var match = Regex.Match(timestamp, regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return null;
        }

        var components = new Dictionary<char, double>();
        var group = 1;
        foreach (var part in parts.Where(p => p.Parse is not null))
        {
            if (part.Parse!(match.Groups[group++].Value) is { } value && !double.IsNaN(value))
            {
                components[part.Component] = value;
            }
        }

        if (components.Count == 0)
        {
            return null;
        }

        int Mask(string order)
        {
            var mask = 0;
            foreach (var c in order)
            {
                mask = (mask << 1) + (components.ContainsKey(c) ? 1 : 0);
            }

            return mask;
        }

        static bool IsType(int type, int mask) => (~type & mask) == 0 && (type & mask) != 0;

        var dateMask = Mask("YXMxWwdD");
        var dateA = IsType(161, dateMask);
        var dateB = !dateA && IsType(130, dateMask);
        var dateC = IsType(84, dateMask);
        var dateD = !dateC && IsType(72, dateMask);
        var timeMask = Mask("PHhmsf");
        var timeA = IsType(23, timeMask);
        var timeB = !timeA && IsType(47, timeMask);
        var dateComponents = dateB ? "YD" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
        var timeComponents = timeB ? "Phmsf" : "Hmsf";

        var startSpecified = false;
        var endSpecified = false;
        foreach (var c in dateComponents + timeComponents)
        {
            if (!components.ContainsKey(c))
            {
                if (startSpecified)
                {
                    components[c] = "MDd".Contains(c, StringComparison.Ordinal) ? 1 : 0;
                    endSpecified = true;
                }
                else
                {
                    components[c] = DateTimeFormatter.FragmentOf(now, c);
                }
            }
            else
            {
                startSpecified = true;
                if (endSpecified)
                {
                    throw new JsonataException("D3136", "The date/time picture string is missing specifiers required to parse the timestamp");
                }
            }
        }

        components['M'] = components.TryGetValue('M', out var month) && month > 0 ? month - 1 : 0;
        if (dateB)
        {
            var derived = new DateTime((int)components['Y'], 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(components['d'] - 1);
            components['M'] = derived.Month - 1;
            components['D'] = derived.Day;
        }

        if (dateC || dateD)
        {
            throw new JsonataException("D3136", "The date/time picture string is missing specifiers required to parse the timestamp");
        }

        if (timeB)
        {
            components['H'] = components['h'] == 12 ? 0 : components['h'];
            if (components['P'] == 1)
            {
                components['H'] += 12;
            }
        }

        var millis = new DateTimeOffset((int)components['Y'], 1, 1, 0, 0, 0, TimeSpan.Zero)
            .AddMonths((int)components['M'])
            .AddDays(components['D'] - 1)
            .AddHours(components['H'])
            .AddMinutes(components['m'])
            .AddSeconds(components['s'])
            .AddMilliseconds(components['f'])
            .ToUnixTimeMilliseconds();
        var zone = components.TryGetValue('Z', out var z) ? z : components.TryGetValue('z', out var z2) ? z2 : 0;
        return (double)(millis - (long)(zone * 60 * 1000));
    }

    private static Part ToPart(object part)
    {
        if (part is string literal)
        {
            return new Part(Regex.Escape(literal), ' ', null);
        }

        var marker = (DateTimePicture.Marker)part;
        if (marker.Component is 'Z' or 'z')
        {
            return TimezonePart(marker);
        }

        if (marker.IntegerFormat is { } format)
        {
            var matcher = IntegerFormatter.ParseMatcher(format);
            var pattern = matcher.Regex;
            if (format.Primary == IntegerPicture.Kind.Decimal)
            {
                // A fixed-width picture (Y0001, M01) reads exactly that many digits, so adjacent fields can be split.
                var width = marker.Component == 'Y' && marker.YearDigits > 0 ? marker.YearDigits : format.MandatoryDigits + format.OptionalDigits;
                if (width >= 2)
                {
                    var occurrences = format.OptionalDigits == 0 ? "{" + width + "}" : "{" + (width - format.OptionalDigits) + "," + width + "}";
                    pattern = "[0-9]" + occurrences + (format.Ordinal ? "(?:th|st|nd|rd)" : string.Empty);
                }
            }

            return new Part(pattern, marker.Component, text => matcher.Parse(text));
        }

        var lookup = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        switch (marker.Component)
        {
            case 'M' or 'x':
                for (var i = 0; i < 12; i++)
                {
                    var name = DateTimeFormatter.MonthName(i);
                    lookup[marker.MaxWidth is { } max && max < name.Length ? name[..max] : name] = i + 1;
                }

                break;
            case 'F':
                for (var i = 1; i <= 7; i++)
                {
                    var name = DateTimeFormatter.DayName(i);
                    lookup[marker.MaxWidth is { } max && max < name.Length ? name[..max] : name] = i;
                }

                break;
            case 'P':
                lookup["am"] = 0;
                lookup["pm"] = 1;
                break;
            default:
                throw new JsonataException("D3133", $"The 'name' modifier can only be applied to months and days in the date/time picture string, not {marker.Component}", value: marker.Component.ToString());
        }

        return new Part("[a-zA-Z]+", marker.Component, text => lookup.TryGetValue(text, out var v) ? v : null);
    }

    private static Part TimezonePart(DateTimePicture.Marker marker)
    {
        var format = marker.IntegerFormat!;
        var separator = format.RegularInterval > 0 ? format.Separators[0].Character : null;
        var pattern = (marker.Component == 'z' ? "GMT" : string.Empty) + "[-+][0-9]+" + (separator is null ? string.Empty : Regex.Escape(separator) + "[0-9]+");
        return new Part(pattern, marker.Component, text =>
        {
            if (marker.Component == 'z')
            {
                text = text[3..];
            }

            double hours;
            double minutes = 0;
            if (separator is not null)
            {
                var at = text.IndexOf(separator, StringComparison.Ordinal);
                hours = double.Parse(text[..at], System.Globalization.CultureInfo.InvariantCulture);
                minutes = double.Parse(text[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (text.Length - 1 <= 2)
            {
                hours = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                hours = double.Parse(text[..3], System.Globalization.CultureInfo.InvariantCulture);
                minutes = double.Parse(text[3..], System.Globalization.CultureInfo.InvariantCulture);
            }

            return (hours * 60) + minutes;
        });
    }
}
