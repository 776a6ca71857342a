using Workflow.Domain;
using Workflow.Functions.Api;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Api;

/// <summary>What the approvals console needs from the API: approvers read the request, its deadline and its timeline.</summary>
public class ConsoleApiTests
{
    private const string Approvers = "[approvers]";
    private TestApp app = null!;

    [SetUp]
    public async Task StartAsync() => app = await TestApp.StartAsync(settings => settings with { ApprovalTimeout = TimeSpan.FromHours(24) });

    private Task<ApiResponse> GetAsync(string jobId, string clientId, string? groups = null) =>
        TestApp.InvokeAsync(new GetJobHandler(app.Dependencies).HandleAsync,
            ApiRequests.Get($"/jobs/{jobId}", clientId, groups, pathParameters: ApiRequests.Id(jobId)));

    private Task<ApiResponse> DecideAsync(string jobId, string body) =>
        TestApp.InvokeAsync(new DecideApprovalHandler(app.Dependencies).HandleAsync,
            ApiRequests.Post($"/jobs/{jobId}/approval", body, "boss", Approvers, pathParameters: ApiRequests.Id(jobId)));

    [Test]
    public async Task GetJob_Approver_ReadsAnotherClientsRequest()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        var approver = await GetAsync(jobId, "boss", Approvers);
        var stranger = await GetAsync(jobId, "client-b", "[staff]");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(approver.Status, Is.EqualTo(200));
            Assert.That((string?)approver.Json!["clientId"], Is.EqualTo("client-a"));
            Assert.That(stranger.Status, Is.EqualTo(404), "only approvers read other clients' jobs");
        }
    }

    [Test]
    public async Task AwaitingJob_SaysSinceWhenItWaits_AndWhenItTimesOut()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");
        var waitingSince = (await app.JobAsync(jobId)).UpdatedAt;

        var list = await TestApp.InvokeAsync(new ListApprovalsHandler(app.Dependencies).HandleAsync, ApiRequests.Get("/approvals", "boss", Approvers));
        var item = list.Json!["items"]![0]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)item["waitingSince"], Is.EqualTo(Timestamps.ToWire(waitingSince)));
            Assert.That((string?)item["approvalDueAt"], Is.EqualTo(Timestamps.ToWire(waitingSince.AddHours(24))));
        }
    }

    [Test]
    public async Task DecidedJob_HasNoDeadline_AndItsTimelineEndsWithTheDecision()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");
        await DecideAsync(jobId, """{"decision":"REJECT","comment":"Not this quarter."}""");

        var job = (await GetAsync(jobId, "client-a")).Json!;
        var events = job["timeline"]!.AsArray().Select(e => (string?)e!["event"]).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job["approvalDueAt"], Is.Null);
            Assert.That(events[0], Is.EqualTo("Submitted"));
            Assert.That(events, Does.Contain("Checks decided"));
            Assert.That(events, Does.Contain("Rejected by boss"));
            Assert.That(job["timeline"]!.AsArray().Single(e => (string?)e!["event"] == "Rejected by boss")!["detail"]!.GetValue<string>(), Is.EqualTo("Not this quarter."));
            Assert.That(events[^1], Is.EqualTo("Finished: REJECTED"));
        }
    }

    [TestCase("""{"decision":"REJECT"}""")]
    [TestCase("""{"decision":"REJECT","comment":"   "}""")]
    public async Task RejectWithoutComment_Is422NamingComment_AndDecidesNothing(string body)
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        var response = await DecideAsync(jobId, body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(422));
            Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
            Assert.That((string?)response.Json!["errors"]![0]!["field"], Is.EqualTo("comment"));
            Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.AwaitingApproval));
            Assert.That(app.Workflow.Successes, Is.Empty);
        }
    }

    [Test]
    public async Task ApproveWithoutComment_IsAccepted()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        var response = await DecideAsync(jobId, """{"decision":"APPROVE"}""");

        Assert.That(response.Status, Is.EqualTo(200));
    }
}
