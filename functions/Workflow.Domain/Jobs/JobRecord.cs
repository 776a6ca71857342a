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

    /// <summary>The submitter's e-mail from their token (JWT <c>email</c> claim), where requester notifications go.</summary>
    public string? RequesterEmail { get; init; }

    /// <summary>When the job started waiting for approval, and when that wait times out.</summary>
    public DateTimeOffset? ApprovalRequestedAt { get; init; }

    public DateTimeOffset? ApprovalDueAt { get; init; }

    /// <summary>When the approvers were reminded (once per wait).</summary>
    public DateTimeOffset? ReminderSentAt { get; init; }
}
