namespace Workflow.Domain;

public enum ApprovalResultKind
{
    Decided,
    NotFound,
    NotApprover,
    OwnRequest,

    /// <summary>The job is not awaiting approval (also: another decision won the race).</summary>
    NotAwaitingApproval,

    /// <summary>The workflow no longer waits (the approval timed out); nothing was recorded.</summary>
    WindowClosed,
}

public sealed record ApprovalResult(ApprovalResultKind Kind, JobRecord? Job = null, ApprovalRecord? Approval = null)
{
    /// <summary>For a decision: when the job started waiting for it (its last change before the decision).</summary>
    public DateTimeOffset? AwaitingSince { get; init; }
}
