namespace Workflow.EventBridge;

/// <summary>"exists": true needs at least one leaf value at the path (null counts); false needs none.</summary>
internal sealed class ExistsMatcher(bool shouldExist) : ValueMatcher
{
    public override bool MatchesField(IReadOnlyList<EventValue> values) => shouldExist == values.Count > 0;

    protected override bool Matches(EventValue value) => shouldExist;
}
