using System.Globalization;

namespace Workflow.EventBridge;

/// <summary>A plain cron field (minutes, hours, month, year, or the list form of the day fields) as a set of allowed values.</summary>
internal sealed class CronField
{
    private readonly bool[] _allowed;

    private CronField(int min, bool[] allowed)
    {
        Min = min;
        _allowed = allowed;
    }

    public int Min { get; }

    public bool Contains(int value) => value >= Min && value - Min < _allowed.Length && _allowed[value - Min];

    /// <summary>Parses "*", "a", "a-b", with an optional "/step", comma-separated.</summary>
    public static CronField Parse(string text, int min, int max, IReadOnlyList<string>? names = null)
    {
        var allowed = new bool[max - min + 1];
        foreach (var item in text.Split(','))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var rangeText = slash < 0 ? item : item[..slash];
            var step = 1;
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step)
                || step <= 0 || step > max - min + 1))
            {
                throw ScheduleExpression.Invalid();
            }
            int from;
            int to;
            if (rangeText == "*")
            {
                (from, to) = (min, max);
            }
            else
            {
                var dash = rangeText.IndexOf('-', StringComparison.Ordinal);
                if (dash < 0)
                {
                    from = Value(rangeText, min, max, names);
                    // "a/step" runs from a to the end of the range.
                    to = slash >= 0 ? max : from;
                }
                else
                {
                    from = Value(rangeText[..dash], min, max, names);
                    to = Value(rangeText[(dash + 1)..], min, max, names);
                    if (from > to)
                    {
                        throw ScheduleExpression.Invalid();
                    }
                }
            }
            for (var v = from; v <= to; v += step)
            {
                allowed[v - min] = true;
            }
        }
        return new CronField(min, allowed);
    }

    public static int Value(string text, int min, int max, IReadOnlyList<string>? names)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value >= min && value <= max ? value : throw ScheduleExpression.Invalid();
        }
        if (names is not null)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
                {
                    return min + i;
                }
            }
        }
        throw ScheduleExpression.Invalid();
    }
}
