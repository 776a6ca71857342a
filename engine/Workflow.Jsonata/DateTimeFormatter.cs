using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Jsonata;

/// <summary>
/// <c>$fromMillis</c>, <c>$toMillis</c> and <c>$now</c>: ISO 8601 by default, XPath F&amp;O 3.1 date/time
/// pictures (section 9.8) otherwise, in UTC or a <c>±HHMM</c> timezone, as JSONata 2.0.6 does.
/// </summary>
internal static partial class DateTimeFormatter
{
    private const long MillisInADay = 86_400_000;

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private static readonly string[] Days = [string.Empty, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly Lazy<DateTimePicture> Iso8601 = new(() => DateTimePicture.Analyse("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]"));

    public static string FromMillis(double millis, string? picture, string? timezone)
    {
        var offsetHours = 0;
        var offsetMinutes = 0;
        if (timezone is not null)
        {
            var offset = ParseIntPrefix(timezone) ?? 0;
            offsetHours = (int)Math.Floor(offset / 100.0);
            offsetMinutes = offset % 100;
        }

        var spec = picture is null ? Iso8601.Value : DateTimePicture.Analyse(picture);
        var shifted = (long)millis + (((offsetHours * 60) + offsetMinutes) * 60 * 1000);
        var date = DateTimeOffset.FromUnixTimeMilliseconds(shifted).UtcDateTime;
        var result = new StringBuilder();
        foreach (var part in spec.Parts)
        {
            result.Append(part is string literal ? literal : FormatComponent(date, (DateTimePicture.Marker)part, offsetHours, offsetMinutes));
        }

        return result.ToString();
    }

    private static string FormatComponent(DateTime date, DateTimePicture.Marker marker, int offsetHours, int offsetMinutes)
    {
        var component = marker.Component;
        if ("YMDdFWwXxHhmsf".Contains(component, StringComparison.Ordinal))
        {
            var value = (long)Fragment(date, component);
            if (component == 'Y' && marker.YearDigits != -1)
            {
                value %= (long)Math.Pow(10, marker.YearDigits);
            }

            if (marker.Names is { } names)
            {
                string name = component switch
                {
                    'M' or 'x' => Months[value - 1],
                    'F' => Days[value],
                    _ => throw new JsonataException("D3133", $"The 'name' modifier can only be applied to months and days in the date/time picture string, not {component}", value: component.ToString()),
                };
                name = names switch
                {
                    IntegerPicture.LetterCase.Upper => name.ToUpperInvariant(),
                    IntegerPicture.LetterCase.Lower => name.ToLowerInvariant(),
                    _ => name,
                };
                if (marker.MaxWidth is { } max && name.Length > max)
                {
                    name = name[..max];
                }

                return name;
            }

            return IntegerFormatter.Format(value, marker.IntegerFormat!);
        }

        if (component is 'Z' or 'z')
        {
            var offset = (offsetHours * 100) + offsetMinutes;
            string text;
            var format = marker.IntegerFormat!;
            if (format.RegularInterval > 0)
            {
                text = IntegerFormatter.Format(offset, format);
            }
            else
            {
                var digits = format.MandatoryDigits;
                if (digits is 1 or 2)
                {
                    text = IntegerFormatter.Format(offsetHours, format);
                    if (offsetMinutes != 0)
                    {
                        text += ":" + IntegerFormatter.Format(offsetMinutes, "00");
                    }
                }
                else if (digits is 3 or 4)
                {
                    text = IntegerFormatter.Format(offset, format);
                }
                else
                {
                    throw new JsonataException("D3134", $"The timezone integer format specifier cannot have more than four digits", value: digits);
                }
            }

            if (offset >= 0)
            {
                text = "+" + text;
            }

            if (component == 'z')
            {
                text = "GMT" + text;
            }

            if (offset == 0 && marker.Presentation2 == 't')
            {
                text = "Z";
            }

            return text;
        }

        if (component == 'P')
        {
            var ampm = date.Hour >= 12 ? "pm" : "am";
            return marker.Names == IntegerPicture.LetterCase.Upper ? ampm.ToUpperInvariant() : ampm;
        }

        if (component is 'C' or 'E')
        {
            return "ISO";
        }

        throw new JsonataException("D3132", $"Unknown component specifier {component} in date/time picture string", value: component.ToString());
    }

    private static long UtcMillis(int year, int month, int day) =>
        new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(month).AddDays(day - 1).ToUnixTimeMilliseconds();

    /// <summary>Monday of the first week of a year or month: the week containing its first Thursday (ISO 8601).</summary>
    private static long StartOfFirstWeek(int year, int month)
    {
        var first = UtcMillis(year, month, 1);
        var day = (int)DateTimeOffset.FromUnixTimeMilliseconds(first).DayOfWeek;
        if (day == 0)
        {
            day = 7;
        }

        return day > 4 ? first + ((8 - day) * MillisInADay) : first - ((day - 1) * MillisInADay);
    }

    private static (int Year, int Month) AddMonths(int year, int month, int delta)
    {
        var total = (year * 12) + month + delta;
        return (total / 12, total % 12);
    }

    private static double DeltaWeeks(long start, long end) => ((end - start) / (MillisInADay * 7.0)) + 1;

    private static double Fragment(DateTime date, char component)
    {
        var now = new DateTimeOffset(date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var today = UtcMillis(date.Year, date.Month - 1, date.Day);
        switch (component)
        {
            case 'Y':
                return date.Year;
            case 'M':
                return date.Month;
            case 'D':
                return date.Day;
            case 'd':
                return ((today - UtcMillis(date.Year, 0, 1)) / MillisInADay) + 1;
            case 'F':
            {
                var day = (int)date.DayOfWeek;
                return day == 0 ? 7 : day;
            }

            case 'W':
            {
                var week = DeltaWeeks(StartOfFirstWeek(date.Year, 0), today);
                if (week > 52)
                {
                    if (today >= StartOfFirstWeek(date.Year + 1, 0))
                    {
                        week = 1;
                    }
                }
                else if (week < 1)
                {
                    week = DeltaWeeks(StartOfFirstWeek(date.Year - 1, 0), today);
                }

                return Math.Floor(week);
            }

            case 'w':
            {
                var month = date.Month - 1;
                var week = DeltaWeeks(StartOfFirstWeek(date.Year, month), today);
                if (week > 4)
                {
                    var (ny, nm) = AddMonths(date.Year, month, 1);
                    if (today >= StartOfFirstWeek(ny, nm))
                    {
                        week = 1;
                    }
                }
                else if (week < 1)
                {
                    var (py, pm) = AddMonths(date.Year, month, -1);
                    week = DeltaWeeks(StartOfFirstWeek(py, pm), today);
                }

                return Math.Floor(week);
            }

            case 'X':
                return now < StartOfFirstWeek(date.Year, 0) ? date.Year - 1
                    : now >= StartOfFirstWeek(date.Year + 1, 0) ? date.Year + 1
                    : date.Year;
            case 'x':
            {
                var month = date.Month - 1;
                var (ny, nm) = AddMonths(date.Year, month, 1);
                if (now < StartOfFirstWeek(date.Year, month))
                {
                    return AddMonths(date.Year, month, -1).Month + 1;
                }

                return now >= StartOfFirstWeek(ny, nm) ? nm + 1 : month + 1;
            }

            case 'H':
                return date.Hour;
            case 'h':
            {
                var h = date.Hour % 12;
                return h == 0 ? 12 : h;
            }

            case 'P':
                return date.Hour >= 12 ? 1 : 0;
            case 'm':
                return date.Minute;
            case 's':
                return date.Second;
            case 'f':
                return date.Millisecond;
            default:
                return 0;
        }
    }

    /// <summary>JavaScript's parseInt: optional sign and leading digits, or null for NaN.</summary>
    private static int? ParseIntPrefix(string text)
    {
        var m = LeadingInteger().Match(text.Trim());
        return m.Success ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+")]
    private static partial Regex LeadingInteger();

    [GeneratedRegex(@"^\d{4}(-[01]\d)*(-[0-3]\d)*(T[0-2]\d:[0-5]\d:[0-5]\d)*(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$")]
    private static partial Regex Iso8601Pattern();

    public static object? ToMillis(string timestamp, string? picture, DateTimeOffset now)
    {
        if (picture is null)
        {
            if (!Iso8601Pattern().IsMatch(timestamp))
            {
                throw new JsonataException("D3110", $"The timestamp {timestamp} is not in ISO 8601 format and no picture string was supplied", value: timestamp);
            }

            return ParseIso(timestamp);
        }

        return DateTimeParser.Parse(timestamp, picture, now);
    }

    /// <summary>Date.parse for the ISO forms the pattern admits; date-time forms without an offset are read as UTC.</summary>
    private static object? ParseIso(string text)
    {
        string[] formats =
        [
            "yyyy", "yyyy-MM", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        ];
        var normalised = OffsetWithoutColon().Replace(text, "$1:$2");
        return DateTimeOffset.TryParseExact(normalised, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? (double)parsed.ToUnixTimeMilliseconds()
            : null;
    }

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$")]
    private static partial Regex OffsetWithoutColon();

    internal static double FragmentOf(DateTimeOffset now, char component) => Fragment(now.UtcDateTime, component);

    internal static string MonthName(int index) => Months[index];

    internal static string DayName(int index) => Days[index];
}
