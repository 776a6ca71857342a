namespace Workflow.Domain;

public enum CancelResultKind
{
    Cancelled,
    AlreadyCancelled,
    NotFound,

    /// <summary>The job finished before it could be cancelled (409).</summary>
    Finished,
}

public sealed record CancelResult(CancelResultKind Kind, JobRecord? Job = null);
