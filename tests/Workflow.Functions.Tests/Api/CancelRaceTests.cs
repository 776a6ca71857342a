using Workflow.Domain;
using Workflow.Functions.Api;
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

        var response = await TestApp.InvokeAsync(new CancelJobHandler(app.DependenciesWith(racing)).HandleAsync,
            ApiRequests.Post($"/jobs/{jobId}/cancel", null, "client-a", pathParameters: ApiRequests.Id(jobId)));

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(racing.Raced, Is.True);
        Assert.That(app.Workflow.Stops.Single().Arn, Is.EqualTo("arn:aws:states:us-east-1:1:execution:sm:late"));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Cancelled));
    }

    /// <summary>Runs <c>race</c> just before the first cancelling write reaches the real store.</summary>
    private sealed class ClaimBeforeFirstCancelStore(IJobStore inner, Func<Task> race) : DelegatingJobStore(inner)
    {
        public bool Raced { get; private set; }

        public override async Task<bool> TryTransitionAsync(string jobId, JobStatus from, JobStatus to, DateTimeOffset at, JobUpdate? update, CancellationToken cancellationToken)
        {
            if (to == JobStatus.Cancelled && !Raced)
            {
                Raced = true;
                await race();
            }

            return await base.TryTransitionAsync(jobId, from, to, at, update, cancellationToken);
        }
    }
}
