using System.Text.Json.Nodes;
using Workflow.Domain;
using Workflow.Functions.Api;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Api;

public class ApprovalHandlerTests
{
    private const string Approvers = "[approvers staff]";
    private TestApp app = null!;

    [SetUp]
    public async Task StartAsync() => app = await TestApp.StartAsync();

    private Task<ApiResponse> DecideAsync(string jobId, string clientId, string? groups, string body = """{"decision":"APPROVE","comment":"fine"}""") =>
        TestApp.InvokeAsync(new DecideApprovalHandler(app.Dependencies).HandleAsync,
            ApiRequests.Post($"/jobs/{jobId}/approval", body, clientId, groups, pathParameters: ApiRequests.Id(jobId)));

    private Task<ApiResponse> ListAsync(string clientId, string? groups) =>
        TestApp.InvokeAsync(new ListApprovalsHandler(app.Dependencies).HandleAsync, ApiRequests.Get("/approvals", clientId, groups));

    [Test]
    public async Task ListApprovals_NonApprover_Returns403()
    {
        var response = await ListAsync("client-a", "[staff]");

        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task ListApprovals_Approver_SeesPendingJobsWithTheirDecision()
    {
        var waiting = await app.AwaitingApprovalAsync("client-a");
        await app.SubmitAsync("client-a");

        var response = await ListAsync("boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(200));
        var item = response.Json!["items"]!.AsArray().Single()!;
        Assert.That(item["jobId"]!.GetValue<string>(), Is.EqualTo(waiting));
        Assert.That(item["decision"]!["reasons"]![0]!.GetValue<string>(), Is.EqualTo("over threshold"));
        Assert.That(item["links"]!["approval"]!.GetValue<string>(), Is.EqualTo($"/jobs/{waiting}/approval"));
    }

    [Test]
    public async Task ListApprovals_GroupsAsJsonArrayClaim_AreUnderstood()
    {
        var response = await ListAsync("boss", """["approvers"]""");

        Assert.That(response.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task ListApprovals_ClaimsAsRawJsonValues_AreUnderstood()
    {
        var request = System.Text.Json.Nodes.JsonNode.Parse(ApiRequests.Get("/approvals", "boss"))!;
        var claims = request["requestContext"]!["authorizer"]!["jwt"]!["claims"]!.AsObject();
        claims["cognito:groups"] = new System.Text.Json.Nodes.JsonArray("approvers");
        claims["exp"] = 1893456000;

        var response = await TestApp.InvokeAsync(new ListApprovalsHandler(app.Dependencies).HandleAsync, request.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
    }

    [Test]
    public async Task DecideApproval_Approve_SendsTaskSuccessAndRecordsTheApproval()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a", token: "token-xyz");

        var response = await DecideAsync(jobId, "boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(response.Json!["approval"]!["outcome"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
        Assert.That(response.Json["approval"]!["by"]!.GetValue<string>(), Is.EqualTo("boss"));
        Assert.That(response.Json["status"]!.GetValue<string>(), Is.EqualTo("RUNNING"));
        var (token, output) = app.Workflow.Successes.Single();
        Assert.That(token, Is.EqualTo("token-xyz"));
        var result = JsonNode.Parse(output)!;
        Assert.That(result["outcome"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
        Assert.That(result["by"]!.GetValue<string>(), Is.EqualTo("boss"));
        Assert.That(result["comment"]!.GetValue<string>(), Is.EqualTo("fine"));
        Assert.That(result["at"]!.GetValue<string>(), Is.EqualTo("2026-03-02T09:00:00.000Z"));
        Assert.That(await app.Store.GetTaskTokenAsync(jobId, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task DecideApproval_Approve_AnnouncesTheDecisionToTheRequester()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        await DecideAsync(jobId, "boss", Approvers);

        var detail = app.Events.Details(JobEvent.ApprovalDecided).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)detail["jobId"], Is.EqualTo(jobId));
            Assert.That((string?)detail["status"], Is.EqualTo("APPROVED"));
            Assert.That((string?)detail["by"], Is.EqualTo("boss"));
            Assert.That((string?)detail["requesterEmail"], Is.EqualTo("client-a@example.com"));
        }
    }

    [Test]
    public async Task DecideApproval_AnnouncementFails_TheDeliveredDecisionStillStands()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");
        app.Events.Fail = true;

        var response = await DecideAsync(jobId, "boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(app.Workflow.Successes, Has.Count.EqualTo(1));
        Assert.That((await app.JobAsync(jobId)).Approval?.Outcome, Is.EqualTo(ApprovalRecord.Approved));
    }

    [Test]
    public async Task DecideApproval_Reject_MarksRejectedAndSendsRejectedOutcome()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        var response = await DecideAsync(jobId, "boss", Approvers, """{"decision":"REJECT","comment":"too expensive"}""");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Rejected));
        Assert.That(JsonNode.Parse(app.Workflow.Successes.Single().Output)!["outcome"]!.GetValue<string>(), Is.EqualTo("REJECTED"));
    }

    [Test]
    public async Task DecideApproval_NonApprover_Returns403()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        var response = await DecideAsync(jobId, "someone", "[staff]");

        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(app.Workflow.Successes, Is.Empty);
    }

    [Test]
    public async Task DecideApproval_OwnRequest_Returns403()
    {
        var jobId = await app.AwaitingApprovalAsync("boss");

        var response = await DecideAsync(jobId, "boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(403));
        Assert.That(response.Json!["title"]!.GetValue<string>(), Is.EqualTo("Own request"));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.AwaitingApproval));
    }

    [Test]
    public async Task DecideApproval_ApproverNamedAsRequester_Returns403()
    {
        var jobId = await app.SubmitAsync("client-a", TestApp.Body(5000m, requester: "boss@example.com"));
        await app.ClaimAsync(jobId);
        await app.Store.SaveTaskTokenAsync(jobId, "t", app.Clock.GetUtcNow().AddDays(1), CancellationToken.None);
        await app.Store.TryTransitionAsync(jobId, JobStatus.Running, JobStatus.AwaitingApproval, app.Clock.GetUtcNow(), null, CancellationToken.None);

        var response = await DecideAsync(jobId, "boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(403));
    }

    [Test]
    public async Task DecideApproval_JobNotAwaitingApproval_Returns409()
    {
        var jobId = await app.SubmitAsync("client-a");

        var response = await DecideAsync(jobId, "boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(409));
        Assert.That(response.Json!["detail"]!.GetValue<string>(), Does.Contain("ACCEPTED"));
    }

    [Test]
    public async Task DecideApproval_UnknownJob_Returns404()
    {
        var response = await DecideAsync("0123456789abcdef0123456789abcdef", "boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task DecideApproval_TwoConcurrentDecisions_ExactlyOneSucceeds()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        var responses = await Task.WhenAll(
            DecideAsync(jobId, "boss-1", Approvers, """{"decision":"APPROVE"}"""),
            DecideAsync(jobId, "boss-2", Approvers, """{"decision":"REJECT","comment":"no"}"""),
            DecideAsync(jobId, "boss-3", Approvers, """{"decision":"APPROVE"}"""));

        Assert.That(responses.Count(r => r.Status == 200), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.Status == 409), Is.EqualTo(2));
        Assert.That(app.Workflow.Successes, Has.Count.EqualTo(1));
        var winner = responses.Single(r => r.Status == 200).Json!["approval"]!["by"]!.GetValue<string>();
        Assert.That((await app.JobAsync(jobId)).Approval!.By, Is.EqualTo(winner));
    }

    [Test]
    public async Task DecideApproval_AfterTheApprovalTimedOut_Returns409AndRecordsNothing()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");
        app.Workflow.TaskGone = true;

        var response = await DecideAsync(jobId, "boss", Approvers);

        Assert.That(response.Status, Is.EqualTo(409));
        Assert.That(response.Json!["title"]!.GetValue<string>(), Is.EqualTo("Approval window closed"));
        var job = await app.JobAsync(jobId);
        Assert.That(job.Approval, Is.Null);
        Assert.That(job.Status, Is.EqualTo(JobStatus.AwaitingApproval));
    }

    [Test]
    public async Task DecideApproval_StepFunctionsUnavailable_Returns503AndTheDecisionCanBeRetried()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");
        app.Workflow.Unavailable = true;

        var failed = await DecideAsync(jobId, "boss", Approvers);
        app.Workflow.Unavailable = false;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var retried = await DecideAsync(jobId, "boss", Approvers);

        Assert.That(failed.Status, Is.EqualTo(503));
        Assert.That(failed.Header("retry-after"), Is.Not.Null);
        Assert.That(retried.Status, Is.EqualTo(200), retried.Body);
        Assert.That(app.Workflow.Successes, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DecideApproval_TaskTokenUnreadable_Returns503AndTheDecisionCanBeRetried()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");
        var store = new TaskTokenOutageStore(app.Store) { ReadUnavailable = true };

        var failed = await DecideWithStoreAsync(store, jobId);
        var afterFailure = await app.JobAsync(jobId);
        store.ReadUnavailable = false;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var retried = await DecideWithStoreAsync(store, jobId);

        Assert.That(failed.Status, Is.EqualTo(503));
        Assert.That(afterFailure.Status, Is.EqualTo(JobStatus.AwaitingApproval));
        Assert.That(afterFailure.Approval, Is.Null);
        Assert.That(retried.Status, Is.EqualTo(200), retried.Body);
        Assert.That(app.Workflow.Successes, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DecideApproval_TaskTokenCleanupFails_StillAnswersTheDeliveredDecision()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");
        var store = new TaskTokenOutageStore(app.Store) { DeleteUnavailable = true };

        var response = await DecideWithStoreAsync(store, jobId);

        Assert.That(response.Status, Is.EqualTo(200), response.Body);
        Assert.That(response.Json!["approval"]!["outcome"]!.GetValue<string>(), Is.EqualTo("APPROVED"));
        Assert.That(app.Workflow.Successes, Has.Count.EqualTo(1));
        Assert.That((await app.JobAsync(jobId)).Status, Is.EqualTo(JobStatus.Running));
    }

    private Task<ApiResponse> DecideWithStoreAsync(IJobStore store, string jobId) =>
        TestApp.InvokeAsync(new DecideApprovalHandler(app.DependenciesWith(store)).HandleAsync,
            ApiRequests.Post($"/jobs/{jobId}/approval", """{"decision":"APPROVE"}""", "boss", Approvers, pathParameters: ApiRequests.Id(jobId)));

    [TestCase("""{"decision":"MAYBE"}""", "decision")]
    [TestCase("""{"comment":"x"}""", "decision")]
    [TestCase("""{"decision":"APPROVE","comment":42}""", "comment")]
    public async Task DecideApproval_BadBody_Returns400NamingTheField(string body, string field)
    {
        var jobId = await app.AwaitingApprovalAsync("client-a");

        var response = await DecideAsync(jobId, "boss", Approvers, body);

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo(field));
    }
}
