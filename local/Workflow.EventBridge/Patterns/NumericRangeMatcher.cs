namespace Workflow.EventBridge;

/// <summary>The "numeric" operator: a range with optional open/closed bounds, or "=" as a degenerate closed range.</summary>
internal sealed class NumericRangeMatcher(double? lower, bool lowerOpen, double? upper, bool upperOpen) : ValueMatcher
{
    protected override bool Matches(EventValue value)
    {
        if (!value.IsNumber || !NumericLimits.IsComparable(value.Number))
        {
            return false;
        }
        var n = value.Number;
        if (lower is { } low && (lowerOpen ? n <= low : n < low))
        {
            return false;
        }
        return upper is not { } high || (upperOpen ? n < high : n <= high);
    }
}
