namespace Workflow.EventBridge;

internal sealed class PrefixMatcher(string prefix, bool ignoreCase) : ValueMatcher
{
    protected override bool Matches(EventValue value) =>
        value.IsString && value.Text.StartsWith(prefix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

internal sealed class SuffixMatcher(string suffix, bool ignoreCase) : ValueMatcher
{
    protected override bool Matches(EventValue value) =>
        value.IsString && value.Text.EndsWith(suffix, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

internal sealed class EqualsIgnoreCaseMatcher(string expected) : ValueMatcher
{
    protected override bool Matches(EventValue value) =>
        value.IsString && string.Equals(value.Text, expected, StringComparison.OrdinalIgnoreCase);
}

internal sealed class WildcardMatcher(WildcardPattern pattern) : ValueMatcher
{
    public override IEnumerable<WildcardPattern> Wildcards => [pattern];

    protected override bool Matches(EventValue value) => value.IsString && pattern.IsMatch(value.Text);
}

internal sealed class CidrMatcher(IpAddressRange range) : ValueMatcher
{
    protected override bool Matches(EventValue value) =>
        value.IsString && IpAddressRange.TryParseAddress(value.Text) is { } address && range.Contains(address);
}
