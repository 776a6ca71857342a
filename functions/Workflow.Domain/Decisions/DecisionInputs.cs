namespace Workflow.Domain;

/// <summary>
/// What the parallel branches produced. A branch that failed (its Catch output reached the merge) has a null result
/// and its error in <see cref="Failures"/>.
/// </summary>
public sealed record DecisionInputs
{
    public ValidationReport? Validation { get; init; }
    public PriceQuote? Price { get; init; }
    public BudgetCheckResult? Budget { get; init; }
    public PolicyResult? Policy { get; init; }
    public IReadOnlyList<string> Failures { get; init; } = [];
}
