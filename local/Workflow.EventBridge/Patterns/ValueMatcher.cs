namespace Workflow.EventBridge;

/// <summary>One entry of a pattern field's array: a literal value or a comparison operator.</summary>
internal abstract class ValueMatcher
{
    /// <summary>Whether the field matches given all leaf values found at its path (empty when the field is absent).</summary>
    public virtual bool MatchesField(IReadOnlyList<EventValue> values)
    {
        foreach (var value in values)
        {
            if (Matches(value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Wildcard operands of this matcher, for the rule complexity check.</summary>
    public virtual IEnumerable<WildcardPattern> Wildcards => [];

    protected abstract bool Matches(EventValue value);
}
