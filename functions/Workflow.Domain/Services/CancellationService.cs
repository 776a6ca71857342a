namespace Workflow.Domain;

/// <summary>
/// Cancels a client's job. The status write is conditional on the status just read; when the workflow moved the job
/// meanwhile, the rules are applied again to the new status.
/// </summary>
public sealed class CancellationService(IJobStore store, IWorkflowControl workflow, TimeProvider time)
{
    private const int MaxAttempts = 5;

    public async Task<CancelResult> CancelAsync(string clientId, string jobId, CancellationToken cancellationToken)
    {
        var queries = new JobQueries(store);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var job = await queries.GetForClientAsync(clientId, jobId, cancellationToken);
            if (job is null)
            {
                return new CancelResult(CancelResultKind.NotFound);
            }

            switch (CancelRules.Decide(job.Status))
            {
                case CancelAction.AlreadyCancelled:
                    return new CancelResult(CancelResultKind.AlreadyCancelled, job);
                case CancelAction.Finished:
                    return new CancelResult(CancelResultKind.Finished, job);
                case CancelAction.StopExecutionThenMarkCancelled when job.ExecutionArn is not null:
                    await workflow.StopExecutionAsync(job.ExecutionArn, "JobCancelled", $"Job {job.Id} was cancelled by its client.", cancellationToken);
                    break;
            }

            var update = new JobUpdate { Error = "JobCancelled", Cause = "Cancelled by the client." };
            if (await store.TryTransitionAsync(job.Id, job.Status, JobStatus.Cancelled, time.GetUtcNow(), update, cancellationToken))
            {
                if (job.Status == JobStatus.AwaitingApproval)
                {
                    await store.DeleteTaskTokenAsync(job.Id, CancellationToken.None);
                }

                var cancelled = await store.GetJobAsync(job.Id, cancellationToken);
                return new CancelResult(CancelResultKind.Cancelled, cancelled ?? job with { Status = JobStatus.Cancelled });
            }
        }

        throw new TransientDependencyException($"Job {jobId} kept changing status while it was being cancelled.");
    }
}
