namespace Workflow.EventBridge;

/// <summary>
/// An EventBridge schedule: "rate(value unit)" or "cron(minutes hours day-of-month month day-of-week year)", in UTC.
/// </summary>
public abstract class ScheduleExpression
{
    public const string InvalidMessage = "Parameter ScheduleExpression is not valid.";

    private protected ScheduleExpression(string text)
    {
        Text = text;
    }

    public string Text { get; }

    /// <summary>Parses a schedule expression; throws <see cref="EventBridgeException"/> (ValidationException) as PutRule does.</summary>
    public static ScheduleExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("rate(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return RateSchedule.ParseBody(text, text[5..^1]);
        }
        if (text.StartsWith("cron(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            return CronSchedule.ParseBody(text, text[5..^1]);
        }
        throw Invalid();
    }

    public static bool TryParse(string text, out ScheduleExpression? expression)
    {
        try
        {
            expression = Parse(text);
            return true;
        }
        catch (EventBridgeException)
        {
            expression = null;
            return false;
        }
    }

    /// <summary>The first time strictly after <paramref name="after"/> at which the schedule fires (UTC), or null if never.
    /// For rate expressions this is <paramref name="after"/> plus the rate: the caller anchors it at rule creation or the last run.</summary>
    public abstract DateTimeOffset? NextOccurrence(DateTimeOffset after);

    public override string ToString() => Text;

    internal static EventBridgeException Invalid() => EventBridgeException.Validation(InvalidMessage);
}
