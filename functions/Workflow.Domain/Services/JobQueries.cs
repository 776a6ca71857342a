namespace Workflow.Domain;

/// <summary>
/// Reads for the API. A client only ever sees its own jobs; another client's job is "not found". Approvers read any
/// job (<see cref="GetAnyAsync"/>).
/// </summary>
public sealed class JobQueries(IJobStore store)
{
    public async Task<JobRecord?> GetForClientAsync(string clientId, string jobId, CancellationToken cancellationToken)
    {
        if (!JobIds.IsWellFormed(jobId))
        {
            return null;
        }

        var job = await store.GetJobAsync(jobId, cancellationToken);
        return job is not null && string.Equals(job.ClientId, clientId, StringComparison.Ordinal) ? job : null;
    }

    public async Task<JobRecord?> GetAnyAsync(string jobId, CancellationToken cancellationToken) =>
        JobIds.IsWellFormed(jobId) ? await store.GetJobAsync(jobId, cancellationToken) : null;

    public Task<JobPage> ListForClientAsync(string clientId, int limit, string? nextToken, CancellationToken cancellationToken) =>
        store.ListJobsByClientAsync(clientId, limit, nextToken, cancellationToken);

    public Task<JobPage> ListAwaitingApprovalAsync(int limit, string? nextToken, CancellationToken cancellationToken) =>
        store.ListJobsByStatusAsync(JobStatus.AwaitingApproval, limit, nextToken, cancellationToken);
}
