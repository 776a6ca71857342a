namespace Workflow.Domain;

/// <summary>
/// The RequestApproval step: keep the task token server-side, mark the job AWAITING_APPROVAL with its decision and
/// announce it. Safe to retry: a job already awaiting approval gets the new token and the event again.
/// </summary>
public sealed class ApprovalRequestService(IJobStore store, IEventPublisher events, TimeProvider time, TimeSpan tokenRetention)
{
    public async Task RequestAsync(string jobId, string taskToken, string? decisionJson, CancellationToken cancellationToken)
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
        await store.SaveTaskTokenAsync(jobId, taskToken, now + tokenRetention, cancellationToken);
        if (job.Status == JobStatus.Running
            && !await store.TryTransitionAsync(jobId, JobStatus.Running, JobStatus.AwaitingApproval, now, new JobUpdate { DecisionJson = decisionJson }, cancellationToken))
        {
            var current = await store.GetJobAsync(jobId, cancellationToken);
            if (current?.Status != JobStatus.AwaitingApproval)
            {
                await store.DeleteTaskTokenAsync(jobId, CancellationToken.None);
                throw new BusinessRuleException($"Job {jobId} changed to {current?.Status.ToWire() ?? "deleted"} before it could wait for approval.");
            }
        }

        await events.PublishAsync([JobEvents.ApprovalRequested(job, decisionJson, now)], cancellationToken);
    }
}
