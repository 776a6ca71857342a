namespace Workflow.EventBridge;

/// <summary>
/// "cron(minutes hours day-of-month month day-of-week year)" with AWS's six fields, all in UTC. Exactly one of
/// day-of-month and day-of-week must be "?".
/// </summary>
public sealed class CronSchedule : ScheduleExpression
{
    private const int MinYear = 1970;
    private const int MaxYear = 2199;
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private readonly CronField _minutes;
    private readonly CronField _hours;
    private readonly CronDayRule _dayOfMonth;
    private readonly CronField _months;
    private readonly CronDayRule _dayOfWeek;
    private readonly CronField _years;

    private CronSchedule(string text, CronField minutes, CronField hours, CronDayRule dayOfMonth, CronField months,
        CronDayRule dayOfWeek, CronField years)
        : base(text)
    {
        _minutes = minutes;
        _hours = hours;
        _dayOfMonth = dayOfMonth;
        _months = months;
        _dayOfWeek = dayOfWeek;
        _years = years;
    }

    internal static CronSchedule ParseBody(string text, string body)
    {
        var fields = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6 || body != string.Join(' ', fields))
        {
            throw Invalid();
        }
        var dayOfMonth = CronDayRule.ParseDayOfMonth(fields[2]);
        var dayOfWeek = CronDayRule.ParseDayOfWeek(fields[4]);
        if (dayOfMonth.IsUnspecified == dayOfWeek.IsUnspecified)
        {
            throw Invalid();
        }
        return new CronSchedule(text,
            CronField.Parse(fields[0], 0, 59),
            CronField.Parse(fields[1], 0, 23),
            dayOfMonth,
            CronField.Parse(fields[3], 1, 12, MonthNames),
            dayOfWeek,
            CronField.Parse(fields[5], MinYear, MaxYear));
    }

    public override DateTimeOffset? NextOccurrence(DateTimeOffset after)
    {
        var utc = after.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        var firstDay = true;
        while (day.Year <= MaxYear)
        {
            if (!_years.Contains(day.Year))
            {
                day = new DateOnly(day.Year + 1, 1, 1);
                firstDay = false;
                continue;
            }
            if (!_months.Contains(day.Month))
            {
                day = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
                firstDay = false;
                continue;
            }
            if (_dayOfMonth.Matches(day) && _dayOfWeek.Matches(day) && FirstTimeOn(day, firstDay ? start : null) is { } found)
            {
                return found;
            }
            day = day.AddDays(1);
            firstDay = false;
        }
        return null;
    }

    private DateTimeOffset? FirstTimeOn(DateOnly day, DateTimeOffset? notBefore)
    {
        for (var hour = 0; hour < 24; hour++)
        {
            if (!_hours.Contains(hour))
            {
                continue;
            }
            for (var minute = 0; minute < 60; minute++)
            {
                if (!_minutes.Contains(minute))
                {
                    continue;
                }
                var candidate = new DateTimeOffset(day.Year, day.Month, day.Day, hour, minute, 0, TimeSpan.Zero);
                if (notBefore is null || candidate >= notBefore)
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
