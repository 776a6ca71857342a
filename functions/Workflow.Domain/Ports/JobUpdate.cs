namespace Workflow.Domain;

/// <summary>Extra attributes written together with a status change.</summary>
public sealed record JobUpdate
{
    public string? DecisionJson { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public DateTimeOffset? ApprovalRequestedAt { get; init; }
    public DateTimeOffset? ApprovalDueAt { get; init; }
}
