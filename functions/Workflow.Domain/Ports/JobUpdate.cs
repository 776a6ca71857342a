namespace Workflow.Domain;

/// <summary>Extra attributes written together with a status change.</summary>
public sealed record JobUpdate
{
    public string? DecisionJson { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
}
