namespace Workflow.StateMachine.Expressions;

/// <summary>
/// Parses timestamps the way Step Functions does, with Java's ISO_OFFSET_DATE_TIME ("ISO-8601 extended offset
/// date-time format"): <c>2016-03-14T01:59:00Z</c>; seconds and a fraction of up to 9 digits are optional, <c>T</c>
/// and <c>Z</c> are case-insensitive, the offset is <c>Z</c> or <c>±hh</c>, <c>±hh:mm</c>, <c>±hh:mm:ss</c>, and
/// dates are checked strictly (no February 30th, no hour 24).
/// </summary>
public static class StepFunctionsTimestamp
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var s = text.AsSpan();
        var i = 0;
        if (!ReadDigits(s, ref i, 4, out var year) || !Expect(s, ref i, '-')
            || !ReadDigits(s, ref i, 2, out var month) || !Expect(s, ref i, '-')
            || !ReadDigits(s, ref i, 2, out var day) || !ExpectIgnoreCase(s, ref i, 'T')
            || !ReadDigits(s, ref i, 2, out var hour) || !Expect(s, ref i, ':')
            || !ReadDigits(s, ref i, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        long fractionTicks = 0;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            if (!ReadDigits(s, ref i, 2, out second))
            {
                return false;
            }

            if (i < s.Length && s[i] == '.')
            {
                i++;
                var start = i;
                long fraction = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (i - start < 7)
                    {
                        fraction = (fraction * 10) + (s[i] - '0');
                    }

                    i++;
                }

                var count = i - start;
                if (count is 0 or > 9)
                {
                    return false;
                }

                for (var k = Math.Min(count, 7); k < 7; k++)
                {
                    fraction *= 10;
                }

                fractionTicks = fraction;
            }
        }

        TimeSpan offset;
        if (i < s.Length && s[i] is 'Z' or 'z')
        {
            i++;
            offset = TimeSpan.Zero;
        }
        else if (i < s.Length && s[i] is '+' or '-')
        {
            var negative = s[i] == '-';
            i++;
            if (!ReadDigits(s, ref i, 2, out var offsetHours))
            {
                return false;
            }

            int offsetMinutes = 0, offsetSeconds = 0;
            if (i < s.Length && s[i] == ':')
            {
                i++;
                if (!ReadDigits(s, ref i, 2, out offsetMinutes))
                {
                    return false;
                }

                if (i < s.Length && s[i] == ':')
                {
                    i++;
                    if (!ReadDigits(s, ref i, 2, out offsetSeconds))
                    {
                        return false;
                    }
                }
            }

            if (offsetHours > 18 || offsetMinutes > 59 || offsetSeconds > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, offsetSeconds);
            if (negative)
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        if (i != s.Length || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 59
            || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || offset.Duration() > TimeSpan.FromHours(18))
        {
            return false;
        }

        // DateTimeOffset only holds whole-minute offsets up to 14 hours, so keep the instant in UTC.
        try
        {
            var utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks) - offset;
            value = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool ReadDigits(ReadOnlySpan<char> s, ref int i, int count, out int value)
    {
        value = 0;
        if (i + count > s.Length)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            var c = s[i + k];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        i += count;
        return true;
    }

    private static bool Expect(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i < s.Length && s[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }

    private static bool ExpectIgnoreCase(ReadOnlySpan<char> s, ref int i, char upper)
    {
        if (i < s.Length && char.ToUpperInvariant(s[i]) == upper)
        {
            i++;
            return true;
        }

        return false;
    }
}
