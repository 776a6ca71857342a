namespace Workflow.EventBridge;

/// <summary>EventBridge compares numbers numerically only within ±5.0e9.</summary>
internal static class NumericLimits
{
    public const double Max = 5.0e9;

    public static bool IsComparable(double value) => value is >= -Max and <= Max;

    public static double Require(double value) => IsComparable(value)
        ? value
        : throw new InvalidEventPatternException("Value must be between -5.0E9 and 5.0E9, inclusive");
}
