namespace Workflow.Domain;

/// <summary>The human decision on a job, as sent to the state machine and shown by the API.</summary>
public sealed record ApprovalRecord(string Outcome, string By, DateTimeOffset At, string? Comment)
{
    public const string Approved = "APPROVED";
    public const string Rejected = "REJECTED";
}
