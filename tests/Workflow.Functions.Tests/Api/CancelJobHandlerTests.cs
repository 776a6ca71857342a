using Workflow.Domain;
using Workflow.Functions.Api;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Api;

public class CancelJobHandlerTests
{
    private TestApp app = null!;

    [SetUp]
    public async Task StartAsync() => app = await TestApp.StartAsync();

    private Task<ApiResponse> CancelAsync(string jobId, string clientId) =>
        TestApp.InvokeAsync(new CancelJobHandler(app.Dependencies).HandleAsync, ApiRequests.Post($"/jobs/{jobId}/cancel", null, clientId, pathParameters: ApiRequests.Id(jobId)));

    [Test]
    public async Task CancelJob_Accepted_MarksCancelledWithoutStoppingAnything()
    {
        var jobId = await app.SubmitAsync("client-a");

        var response = await CancelAsync(jobId, "client-a");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Json!["status"]!.GetValue<string>(), Is.EqualTo("CANCELLED"));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Cancelled));
        Assert.That(app.Workflow.Stops, Is.Empty);
    }

    [Test]
    public async Task CancelJob_Running_StopsTheExecutionAndMarksCancelled()
    {
        var jobId = await app.SubmitAsync("client-a");
        await app.ClaimAsync(jobId, "arn:aws:states:us-east-1:123456789012:execution:purchase:run-1");

        var response = await CancelAsync(jobId, "client-a");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(app.Workflow.Stops.Single().Arn, Is.EqualTo("arn:aws:states:us-east-1:123456789012:execution:purchase:run-1"));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Cancelled));
    }

    [Test]
    public async Task CancelJob_AwaitingApproval_DiscardsTheTaskToken()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        await CancelAsync(jobId, "client-a");

        Assert.That(await app.Store.GetTaskTokenAsync(jobId, CancellationToken.None), Is.Null);
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Cancelled));
    }

    [Test]
    public async Task CancelJob_Twice_SecondAnswersTheCancelledJob()
    {
        var jobId = await app.SubmitAsync("client-a");
        await CancelAsync(jobId, "client-a");

        var again = await CancelAsync(jobId, "client-a");

        Assert.That(again.Status, Is.EqualTo(200));
        Assert.That(again.Json!["status"]!.GetValue<string>(), Is.EqualTo("CANCELLED"));
    }

    [Test]
    public async Task CancelJob_Finished_Returns409()
    {
        var jobId = await app.SubmitAsync("client-a");
        await app.ClaimAsync(jobId);
        await app.Store.TryTransitionAsync(jobId, JobStatus.Running, JobStatus.Succeeded, app.Clock.GetUtcNow(), null, CancellationToken.None);

        var response = await CancelAsync(jobId, "client-a");

        Assert.That(response.Status, Is.EqualTo(409));
        Assert.That(response.Json!["detail"]!.GetValue<string>(), Does.Contain("SUCCEEDED"));
    }

    [Test]
    public async Task CancelJob_AnotherClientsJob_Returns404AndLeavesIt()
    {
        var jobId = await app.SubmitAsync("client-a");

        var response = await CancelAsync(jobId, "client-b");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Accepted));
    }
}
