namespace Workflow.EventBridge;

/// <summary>
/// "anything-but": matches any present leaf value the excluded condition does not cover. Values of another type
/// (null, booleans, numbers against string conditions) are never covered, so they match.
/// </summary>
internal sealed class AnythingButMatcher(Func<EventValue, bool> excluded, IReadOnlyList<WildcardPattern>? wildcards = null) : ValueMatcher
{
    public override IEnumerable<WildcardPattern> Wildcards => wildcards ?? [];

    protected override bool Matches(EventValue value) => !excluded(value);

    public static AnythingButMatcher Strings(IReadOnlyCollection<string> values)
    {
        var set = new HashSet<string>(values, StringComparer.Ordinal);
        return new(v => v.IsString && set.Contains(v.Text));
    }

    public static AnythingButMatcher Numbers(IReadOnlyCollection<double> values)
    {
        var set = new HashSet<double>(values);
        return new(v => v.IsNumber && NumericLimits.IsComparable(v.Number) && set.Contains(v.Number));
    }

    public static AnythingButMatcher IgnoreCase(IReadOnlyCollection<string> values)
    {
        var set = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        return new(v => v.IsString && set.Contains(v.Text));
    }

    public static AnythingButMatcher Prefixes(IReadOnlyList<string> prefixes) =>
        new(v => v.IsString && prefixes.Any(p => v.Text.StartsWith(p, StringComparison.Ordinal)));

    public static AnythingButMatcher Suffixes(IReadOnlyList<string> suffixes) =>
        new(v => v.IsString && suffixes.Any(s => v.Text.EndsWith(s, StringComparison.Ordinal)));

    public static AnythingButMatcher MatchingWildcards(IReadOnlyList<WildcardPattern> patterns) =>
        new(v => v.IsString && patterns.Any(p => p.IsMatch(v.Text)), patterns);
}
