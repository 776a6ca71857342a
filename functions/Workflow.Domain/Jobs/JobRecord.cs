namespace Workflow.Domain;

/// <summary>A job as stored. JSON-valued parts (input, decision, step results) are kept as JSON text.</summary>
public sealed record JobRecord
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string ClientId { get; init; }
    public required JobStatus Status { get; init; }
    public required string InputJson { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? ExecutionArn { get; init; }
    public string? DecisionJson { get; init; }
    public string? StepResultsJson { get; init; }
    public ApprovalRecord? Approval { get; init; }
    public string? PurchaseOrderNumber { get; init; }
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
