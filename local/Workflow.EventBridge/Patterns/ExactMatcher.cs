namespace Workflow.EventBridge;

/// <summary>A literal in the pattern: strings by ordinal equality (and IP addresses by address), numbers by value.</summary>
internal sealed class ExactMatcher(EventValueKind kind, string text, double number) : ValueMatcher
{
    private readonly IpAddressRange? _address = kind == EventValueKind.String ? IpAddressRange.TryParseAddress(text) : null;

    protected override bool Matches(EventValue value)
    {
        if (value.Kind != kind)
        {
            return false;
        }
        switch (kind)
        {
            case EventValueKind.String:
                if (string.Equals(value.Text, text, StringComparison.Ordinal))
                {
                    return true;
                }
                return _address is not null && IpAddressRange.TryParseAddress(value.Text) is { } other && _address.Contains(other);
            case EventValueKind.Number:
                // Outside the comparable range AWS falls back to comparing the number's text.
                return NumericLimits.IsComparable(number) && NumericLimits.IsComparable(value.Number)
                    ? number == value.Number
                    : string.Equals(value.Text, text, StringComparison.Ordinal);
            default:
                return true;
        }
    }
}
