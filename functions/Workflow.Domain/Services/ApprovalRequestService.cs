namespace Workflow.Domain;

/// <summary>
/// The RequestApproval step: keep the task token server-side, mark the job AWAITING_APPROVAL with its decision and
/// announce it. Safe to retry: a job already awaiting approval gets the new token and the event again.
/// </summary>
public sealed class ApprovalRequestService(IJobStore store, IEventPublisher events, TimeProvider time, TimeSpan tokenRetention)
{
    /// <param name="approvalTimeout">How long the state machine waits (null when the caller does not say): sets the due time.</param>
    public async Task RequestAsync(string jobId, string taskToken, string? decisionJson, TimeSpan? approvalTimeout, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(taskToken))
        {
            throw new BusinessRuleException($"RequestApproval for job {jobId} received no task token.");
        }

        var job = await store.GetJobAsync(jobId, cancellationToken)
            ?? throw new BusinessRuleException($"Job {jobId} does not exist.");
        if (job.Status is not (JobStatus.Running or JobStatus.AwaitingApproval))
        {
            throw new BusinessRuleException($"Job {jobId} is {job.Status.ToWire()}; only a RUNNING job can wait for approval.");
        }

        var now = time.GetUtcNow();
        // A retried step keeps the first request's times, so the due time and the reminder do not move.
        var requestedAt = job.Status == JobStatus.AwaitingApproval && job.ApprovalRequestedAt is { } earlier ? earlier : now;
        var dueAt = job.Status == JobStatus.AwaitingApproval && job.ApprovalDueAt is { } due ? due : requestedAt + approvalTimeout;
        await store.SaveTaskTokenAsync(jobId, taskToken, now + tokenRetention, cancellationToken);
        var update = new JobUpdate { DecisionJson = decisionJson, ApprovalRequestedAt = requestedAt, ApprovalDueAt = dueAt };
        if (job.Status == JobStatus.Running
            && !await store.TryTransitionAsync(jobId, JobStatus.Running, JobStatus.AwaitingApproval, now, update, cancellationToken))
        {
            var current = await store.GetJobAsync(jobId, cancellationToken);
            if (current?.Status != JobStatus.AwaitingApproval)
            {
                await store.DeleteTaskTokenAsync(jobId, CancellationToken.None);
                throw new BusinessRuleException($"Job {jobId} changed to {current?.Status.ToWire() ?? "deleted"} before it could wait for approval.");
            }
        }

        await events.PublishAsync([JobEvents.ApprovalRequested(job, decisionJson, requestedAt, dueAt)], cancellationToken);
    }
}
