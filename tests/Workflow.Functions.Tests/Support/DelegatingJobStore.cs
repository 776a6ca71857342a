using Workflow.Domain;

namespace Workflow.Functions.Tests.Support;

/// <summary>Passes every call to the real store; a test store overrides only the calls it interferes with.</summary>
public abstract class DelegatingJobStore(IJobStore inner) : IJobStore
{
    public virtual Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) => inner.GetJobAsync(jobId, cancellationToken);

    public virtual Task<bool> CreateJobAsync(JobRecord job, CancellationToken cancellationToken) => inner.CreateJobAsync(job, cancellationToken);

    public virtual Task<IdempotencyRecord?> ClaimIdempotencyKeyAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        inner.ClaimIdempotencyKeyAsync(record, cancellationToken);

    public virtual Task<JobPage> ListJobsByClientAsync(string clientId, int limit, string? nextToken, CancellationToken cancellationToken) =>
        inner.ListJobsByClientAsync(clientId, limit, nextToken, cancellationToken);

    public virtual Task<JobPage> ListJobsByStatusAsync(JobStatus status, int limit, string? nextToken, CancellationToken cancellationToken) =>
        inner.ListJobsByStatusAsync(status, limit, nextToken, cancellationToken);

    public virtual Task<IReadOnlyList<JobRecord>> ListJobsByStatusUpdatedBeforeAsync(JobStatus status, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        inner.ListJobsByStatusUpdatedBeforeAsync(status, updatedBefore, limit, cancellationToken);

    public virtual Task<IReadOnlyList<JobRecord>> ListClientJobsSinceAsync(string clientId, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        inner.ListClientJobsSinceAsync(clientId, since, limit, cancellationToken);

    public virtual Task<bool> TryTransitionAsync(string jobId, JobStatus from, JobStatus to, DateTimeOffset at, JobUpdate? update, CancellationToken cancellationToken) =>
        inner.TryTransitionAsync(jobId, from, to, at, update, cancellationToken);

    public virtual Task<bool> TryRecordApprovalAsync(string jobId, ApprovalRecord approval, JobStatus newStatus, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryRecordApprovalAsync(jobId, approval, newStatus, at, cancellationToken);

    public virtual Task<bool> TryRevertApprovalAsync(string jobId, ApprovalRecord approval, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryRevertApprovalAsync(jobId, approval, at, cancellationToken);

    public virtual Task<bool> TryTouchAcceptedAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryTouchAcceptedAsync(jobId, at, cancellationToken);

    public virtual Task SaveTaskTokenAsync(string jobId, string taskToken, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        inner.SaveTaskTokenAsync(jobId, taskToken, expiresAt, cancellationToken);

    public virtual Task<string?> GetTaskTokenAsync(string jobId, CancellationToken cancellationToken) => inner.GetTaskTokenAsync(jobId, cancellationToken);

    public virtual Task DeleteTaskTokenAsync(string jobId, CancellationToken cancellationToken) => inner.DeleteTaskTokenAsync(jobId, cancellationToken);
}
