namespace Workflow.Domain;

/// <summary>Persistence of jobs and their side items. Every state change is a conditional write.</summary>
public interface IJobStore
{
    Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Creates the job unless one with the same id exists; false when it already existed.</summary>
    Task<bool> CreateJobAsync(JobRecord job, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="record"/> unless the client already used the key; returns the existing record in that
    /// case, or null when <paramref name="record"/> was stored.
    /// </summary>
    Task<IdempotencyRecord?> ClaimIdempotencyKeyAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    Task<JobPage> ListJobsByClientAsync(string clientId, int limit, string? nextToken, CancellationToken cancellationToken);

    Task<JobPage> ListJobsByStatusAsync(JobStatus status, int limit, string? nextToken, CancellationToken cancellationToken);

    /// <summary>Jobs in <paramref name="status"/> last updated before <paramref name="updatedBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<JobRecord>> ListJobsByStatusUpdatedBeforeAsync(JobStatus status, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>The client's jobs created at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JobRecord>> ListClientJobsSinceAsync(string clientId, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>Changes the status when it is still <paramref name="from"/>; false when it was not.</summary>
    Task<bool> TryTransitionAsync(string jobId, JobStatus from, JobStatus to, DateTimeOffset at, JobUpdate? update, CancellationToken cancellationToken);

    /// <summary>Records the approval and the new status when the job awaits approval and has none yet.</summary>
    Task<bool> TryRecordApprovalAsync(string jobId, ApprovalRecord approval, JobStatus newStatus, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Undoes <paramref name="approval"/> (only that one) when it could not be delivered to the workflow.</summary>
    Task<bool> TryRevertApprovalAsync(string jobId, ApprovalRecord approval, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Bumps updatedAt of an ACCEPTED job after re-publishing it; false when it is no longer ACCEPTED.</summary>
    Task<bool> TryTouchAcceptedAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken);

    Task SaveTaskTokenAsync(string jobId, string taskToken, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<string?> GetTaskTokenAsync(string jobId, CancellationToken cancellationToken);

    Task DeleteTaskTokenAsync(string jobId, CancellationToken cancellationToken);
}
