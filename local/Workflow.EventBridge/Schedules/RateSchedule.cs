using System.Globalization;

namespace Workflow.EventBridge;

/// <summary>"rate(5 minutes)": a positive whole number and a unit, singular exactly when the value is 1.</summary>
public sealed class RateSchedule : ScheduleExpression
{
    private RateSchedule(string text, int value, string unit, TimeSpan interval)
        : base(text)
    {
        Value = value;
        Unit = unit;
        Interval = interval;
    }

    public int Value { get; }

    public string Unit { get; }

    public TimeSpan Interval { get; }

    internal static RateSchedule ParseBody(string text, string body)
    {
        var parts = body.Split(' ');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value <= 0)
        {
            throw Invalid();
        }
        var unit = parts[1];
        var singular = value == 1;
        TimeSpan one = (unit, singular) switch
        {
            ("minute", true) or ("minutes", false) => TimeSpan.FromMinutes(1),
            ("hour", true) or ("hours", false) => TimeSpan.FromHours(1),
            ("day", true) or ("days", false) => TimeSpan.FromDays(1),
            _ => throw Invalid(),
        };
        return new RateSchedule(text, value, unit, one * value);
    }

    public override DateTimeOffset? NextOccurrence(DateTimeOffset after) => after.ToUniversalTime() + Interval;
}
