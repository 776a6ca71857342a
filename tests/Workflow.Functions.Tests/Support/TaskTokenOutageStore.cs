using Workflow.Domain;

namespace Workflow.Functions.Tests.Support;

/// <summary>The real store, except that reading or deleting a task token fails as a DynamoDB outage would while switched on.</summary>
public sealed class TaskTokenOutageStore(IJobStore inner) : IJobStore
{
    public bool ReadUnavailable { get; set; }

    public bool DeleteUnavailable { get; set; }

    public Task<string?> GetTaskTokenAsync(string jobId, CancellationToken cancellationToken) =>
        ReadUnavailable
            ? Task.FromException<string?>(Outage())
            : inner.GetTaskTokenAsync(jobId, cancellationToken);

    public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) => inner.GetJobAsync(jobId, cancellationToken);

    public Task<bool> CreateJobAsync(JobRecord job, CancellationToken cancellationToken) => inner.CreateJobAsync(job, cancellationToken);

    public Task<IdempotencyRecord?> ClaimIdempotencyKeyAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        inner.ClaimIdempotencyKeyAsync(record, cancellationToken);

    public Task<JobPage> ListJobsByClientAsync(string clientId, int limit, string? nextToken, CancellationToken cancellationToken) =>
        inner.ListJobsByClientAsync(clientId, limit, nextToken, cancellationToken);

    public Task<JobPage> ListJobsByStatusAsync(JobStatus status, int limit, string? nextToken, CancellationToken cancellationToken) =>
        inner.ListJobsByStatusAsync(status, limit, nextToken, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> ListJobsByStatusUpdatedBeforeAsync(JobStatus status, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        inner.ListJobsByStatusUpdatedBeforeAsync(status, updatedBefore, limit, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> ListClientJobsSinceAsync(string clientId, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        inner.ListClientJobsSinceAsync(clientId, since, limit, cancellationToken);

    public Task<bool> TryTransitionAsync(string jobId, JobStatus from, JobStatus to, DateTimeOffset at, JobUpdate? update, CancellationToken cancellationToken) =>
        inner.TryTransitionAsync(jobId, from, to, at, update, cancellationToken);

    public Task<bool> TryRecordApprovalAsync(string jobId, ApprovalRecord approval, JobStatus newStatus, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryRecordApprovalAsync(jobId, approval, newStatus, at, cancellationToken);

    public Task<bool> TryRevertApprovalAsync(string jobId, ApprovalRecord approval, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryRevertApprovalAsync(jobId, approval, at, cancellationToken);

    public Task<bool> TryTouchAcceptedAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryTouchAcceptedAsync(jobId, at, cancellationToken);

    public Task SaveTaskTokenAsync(string jobId, string taskToken, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        inner.SaveTaskTokenAsync(jobId, taskToken, expiresAt, cancellationToken);

    public Task DeleteTaskTokenAsync(string jobId, CancellationToken cancellationToken) =>
        DeleteUnavailable ? Task.FromException(Outage()) : inner.DeleteTaskTokenAsync(jobId, cancellationToken);

    private static TransientDependencyException Outage() => new("DynamoDB is unavailable (test).");
}
