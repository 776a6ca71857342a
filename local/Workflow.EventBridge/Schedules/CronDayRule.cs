using System.Globalization;

namespace Workflow.EventBridge;

/// <summary>
/// The day-of-month or day-of-week part of a cron expression, including "?", L, W and #:
/// day-of-month "L" (last day), "LW" (last weekday), "15W" (weekday nearest the 15th);
/// day-of-week "L" (Saturday, the last day of the week), "5L" (last Thursday), "3#2" (second Tuesday).
/// </summary>
internal abstract class CronDayRule
{
    private static readonly string[] MonthDayNames = [];
    private static readonly string[] WeekDayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public bool IsUnspecified => this is Unspecified;

    public abstract bool Matches(DateOnly day);

    public static CronDayRule ParseDayOfMonth(string text)
    {
        if (text == "?")
        {
            return new Unspecified();
        }
        if (text == "L")
        {
            return new LastDayOfMonth();
        }
        if (text == "LW")
        {
            return new LastWeekdayOfMonth();
        }
        if (text.EndsWith('W'))
        {
            return int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31
                ? new NearestWeekday(d)
                : throw ScheduleExpression.Invalid();
        }
        return new InSet(CronField.Parse(text, 1, 31, MonthDayNames), day => day.Day);
    }

    public static CronDayRule ParseDayOfWeek(string text)
    {
        if (text == "?")
        {
            return new Unspecified();
        }
        if (text == "L")
        {
            return new InSet(CronField.Parse("7", 1, 7, WeekDayNames), WeekDay);
        }
        if (text.Length > 1 && text.EndsWith('L'))
        {
            return new LastWeekDayOfMonth(CronField.Value(text[..^1], 1, 7, WeekDayNames));
        }
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            var weekDay = CronField.Value(text[..hash], 1, 7, WeekDayNames);
            return int.TryParse(text[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) && nth is >= 1 and <= 5
                ? new NthWeekDay(weekDay, nth)
                : throw ScheduleExpression.Invalid();
        }
        return new InSet(CronField.Parse(text, 1, 7, WeekDayNames), WeekDay);
    }

    /// <summary>Cron numbering: 1 = Sunday ... 7 = Saturday.</summary>
    private static int WeekDay(DateOnly day) => (int)day.DayOfWeek + 1;

    private static int LastDay(DateOnly day) => DateTime.DaysInMonth(day.Year, day.Month);

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private sealed class Unspecified : CronDayRule
    {
        public override bool Matches(DateOnly day) => true;
    }

    private sealed class InSet(CronField field, Func<DateOnly, int> select) : CronDayRule
    {
        public override bool Matches(DateOnly day) => field.Contains(select(day));
    }

    private sealed class LastDayOfMonth : CronDayRule
    {
        public override bool Matches(DateOnly day) => day.Day == LastDay(day);
    }

    private sealed class LastWeekdayOfMonth : CronDayRule
    {
        public override bool Matches(DateOnly day)
        {
            var last = new DateOnly(day.Year, day.Month, LastDay(day));
            while (IsWeekend(last))
            {
                last = last.AddDays(-1);
            }
            return day == last;
        }
    }

    private sealed class NearestWeekday(int dayOfMonth) : CronDayRule
    {
        public override bool Matches(DateOnly day)
        {
            var lastDay = LastDay(day);
            if (dayOfMonth > lastDay)
            {
                return false;
            }
            var target = new DateOnly(day.Year, day.Month, dayOfMonth);
            // The nearest weekday never leaves the month: the 1st on a Saturday moves to Monday the 3rd.
            if (target.DayOfWeek == DayOfWeek.Saturday)
            {
                target = dayOfMonth == 1 ? target.AddDays(2) : target.AddDays(-1);
            }
            else if (target.DayOfWeek == DayOfWeek.Sunday)
            {
                target = dayOfMonth == lastDay ? target.AddDays(-2) : target.AddDays(1);
            }
            return day == target;
        }
    }

    private sealed class LastWeekDayOfMonth(int weekDay) : CronDayRule
    {
        public override bool Matches(DateOnly day) => WeekDay(day) == weekDay && day.Day + 7 > LastDay(day);
    }

    private sealed class NthWeekDay(int weekDay, int nth) : CronDayRule
    {
        public override bool Matches(DateOnly day) => WeekDay(day) == weekDay && (day.Day - 1) / 7 + 1 == nth;
    }
}
