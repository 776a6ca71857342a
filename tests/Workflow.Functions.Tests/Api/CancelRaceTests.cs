using Workflow.Domain;
using Workflow.Functions.Api;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Api;

/// <summary>The state machine claims the job between the cancel's read and its conditional write.</summary>
public class CancelRaceTests
{
    [Test]
    public async Task CancelJob_ClaimedByTheWorkflowMeanwhile_StopsTheNewExecutionAndCancels()
    {
        var app = await TestApp.StartAsync();
        var jobId = await app.SubmitAsync("client-a");
        var racing = new ClaimBeforeFirstCancelStore(app.Store, () => app.ClaimAsync(jobId, "arn:aws:states:us-east-1:1:execution:sm:late"));
        var dependencies = new FunctionDependencies
        {
            Jobs = racing,
            Budgets = app.Store,
            Events = app.Events,
            Workflow = app.Workflow,
            Settings = app.Dependencies.Settings,
            Time = app.Clock,
            LogOutput = app.Log,
        };

        var response = await TestApp.InvokeAsync(new CancelJobHandler(dependencies).HandleAsync,
            ApiRequests.Post($"/jobs/{jobId}/cancel", null, "client-a", pathParameters: ApiRequests.Id(jobId)));

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(racing.Raced, Is.True);
        Assert.That(app.Workflow.Stops.Single().Arn, Is.EqualTo("arn:aws:states:us-east-1:1:execution:sm:late"));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Cancelled));
    }

    /// <summary>Runs <c>race</c> just before the first cancelling write reaches the real store.</summary>
    private sealed class ClaimBeforeFirstCancelStore(IJobStore inner, Func<Task> race) : IJobStore
    {
        public bool Raced { get; private set; }

        public async Task<bool> TryTransitionAsync(string jobId, JobStatus from, JobStatus to, DateTimeOffset at, JobUpdate? update, CancellationToken cancellationToken)
        {
            if (to == JobStatus.Cancelled && !Raced)
            {
                Raced = true;
                await race();
            }

            return await inner.TryTransitionAsync(jobId, from, to, at, update, cancellationToken);
        }

        public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) => inner.GetJobAsync(jobId, cancellationToken);
        public Task<bool> CreateJobAsync(JobRecord job, CancellationToken cancellationToken) => inner.CreateJobAsync(job, cancellationToken);
        public Task<IdempotencyRecord?> ClaimIdempotencyKeyAsync(IdempotencyRecord record, CancellationToken cancellationToken) => inner.ClaimIdempotencyKeyAsync(record, cancellationToken);
        public Task<JobPage> ListJobsByClientAsync(string clientId, int limit, string? nextToken, CancellationToken cancellationToken) => inner.ListJobsByClientAsync(clientId, limit, nextToken, cancellationToken);
        public Task<JobPage> ListJobsByStatusAsync(JobStatus status, int limit, string? nextToken, CancellationToken cancellationToken) => inner.ListJobsByStatusAsync(status, limit, nextToken, cancellationToken);
        public Task<IReadOnlyList<JobRecord>> ListJobsByStatusUpdatedBeforeAsync(JobStatus status, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) => inner.ListJobsByStatusUpdatedBeforeAsync(status, updatedBefore, limit, cancellationToken);
        public Task<IReadOnlyList<JobRecord>> ListClientJobsSinceAsync(string clientId, DateTimeOffset since, int limit, CancellationToken cancellationToken) => inner.ListClientJobsSinceAsync(clientId, since, limit, cancellationToken);
        public Task<bool> TryRecordApprovalAsync(string jobId, ApprovalRecord approval, JobStatus newStatus, DateTimeOffset at, CancellationToken cancellationToken) => inner.TryRecordApprovalAsync(jobId, approval, newStatus, at, cancellationToken);
        public Task<bool> TryRevertApprovalAsync(string jobId, ApprovalRecord approval, DateTimeOffset at, CancellationToken cancellationToken) => inner.TryRevertApprovalAsync(jobId, approval, at, cancellationToken);
        public Task<bool> TryTouchAcceptedAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken) => inner.TryTouchAcceptedAsync(jobId, at, cancellationToken);
        public Task SaveTaskTokenAsync(string jobId, string taskToken, DateTimeOffset expiresAt, CancellationToken cancellationToken) => inner.SaveTaskTokenAsync(jobId, taskToken, expiresAt, cancellationToken);
        public Task<string?> GetTaskTokenAsync(string jobId, CancellationToken cancellationToken) => inner.GetTaskTokenAsync(jobId, cancellationToken);
        public Task DeleteTaskTokenAsync(string jobId, CancellationToken cancellationToken) => inner.DeleteTaskTokenAsync(jobId, cancellationToken);
    }
}
