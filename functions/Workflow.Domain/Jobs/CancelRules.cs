namespace Workflow.Domain;

public enum CancelAction
{
    /// <summary>Not started yet: mark CANCELLED; the claim of a late event then fails harmlessly.</summary>
    MarkCancelled,

    /// <summary>An execution may be running: stop it, then mark CANCELLED.</summary>
    StopExecutionThenMarkCancelled,

    AlreadyCancelled,

    /// <summary>Finished jobs cannot be cancelled (409).</summary>
    Finished,
}

public static class CancelRules
{
    public static CancelAction Decide(JobStatus status) => status switch
    {
        JobStatus.Accepted => CancelAction.MarkCancelled,
        JobStatus.Running or JobStatus.AwaitingApproval => CancelAction.StopExecutionThenMarkCancelled,
        JobStatus.Cancelled => CancelAction.AlreadyCancelled,
        _ => CancelAction.Finished,
    };
}
