using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// The purchase-request application from <c>template.yaml</c> on the local runtime, driven over HTTP like a client:
/// the paths a job can take from submission to its final status. One runtime for the fixture; each test uses its own
/// users so the tests do not see each other's jobs.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class JobLifecycleTests
{
    private AppRuntime _app = null!;

    [OneTimeSetUp]
    public async Task StartApplication() => _app = await AppRuntime.StartAsync();

    [OneTimeTearDown]
    public async Task StopApplication() => await _app.DisposeAsync();

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];

    [Test]
    public async Task SmallOrder_RunsToSucceededWithoutApproval()
    {
        var client = await _app.UserAsync(Unique("client"));

        var submitted = await client.SubmitAsync(PurchaseRequests.Small(client.Subject));
        var jobId = submitted.Json!["jobId"]!.GetValue<string>();
        var job = await client.WaitForStatusAsync(jobId, "SUCCEEDED", "FAILED", "REJECTED");
        var executions = await _app.Aws.ExecutionsOfJobAsync(_app.StateMachineArn, jobId);
        var cancelFinished = await client.CancelAsync(jobId);

        Assert.Multiple(() =>
        {
            Assert.That(submitted.Status, Is.EqualTo(HttpStatusCode.Accepted), submitted.ToString());
            Assert.That(cancelFinished.Code, Is.EqualTo(409), "a finished job cannot be cancelled: " + cancelFinished);
            Assert.That(submitted.Headers.Location?.ToString(), Is.EqualTo($"/jobs/{jobId}"));
            Assert.That(submitted.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(submitted.Json!["status"]!.GetValue<string>(), Is.EqualTo("ACCEPTED"));
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"), job.ToJsonString());
            Assert.That(job["purchaseOrderNumber"]?.GetValue<string>(), Does.StartWith("PO-").And.EndWith(jobId[..8].ToUpperInvariant()));
            Assert.That(job["decision"]?["needsApproval"]?.GetValue<bool>(), Is.False);
            Assert.That(job["decision"]?["total"]?.GetValue<decimal>(), Is.EqualTo(24.00m));
            Assert.That(job["approval"], Is.Null);
            Assert.That(executions.Select(e => e["status"]!.GetValue<string>()), Is.EqualTo(new[] { "SUCCEEDED" }));
        });
    }

    [Test]
    public async Task LargeOrder_ApprovedByAnApprover_CompletesWithAPurchaseOrder()
    {
        var client = await _app.UserAsync(Unique("client"));
        var approver = await _app.UserAsync(Unique("approver"), "approvers");
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));

        var waiting = await client.WaitForStatusAsync(jobId, "AWAITING_APPROVAL", "SUCCEEDED", "FAILED", "REJECTED");
        var pending = await approver.ListApprovalsAsync();
        var byRequester = await client.DecideAsync(jobId, "APPROVE", "my own request");
        var decided = await approver.DecideAsync(jobId, "APPROVE", "Budget confirmed.");
        var job = await client.WaitForStatusAsync(jobId, "SUCCEEDED", "FAILED", "REJECTED");

        Assert.Multiple(() =>
        {
            Assert.That(waiting["status"]!.GetValue<string>(), Is.EqualTo("AWAITING_APPROVAL"), waiting.ToJsonString());
            Assert.That(waiting["decision"]?["needsApproval"]?.GetValue<bool>(), Is.True);
            Assert.That(pending.Status, Is.EqualTo(HttpStatusCode.OK), pending.ToString());
            Assert.That(pending.Body, Does.Contain(jobId));
            Assert.That(byRequester.Status, Is.EqualTo(HttpStatusCode.Forbidden), byRequester.ToString());
            Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.ToString());
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"), job.ToJsonString());
            Assert.That(job["purchaseOrderNumber"]?.GetValue<string>(), Does.StartWith("PO-"));
            Assert.That(job["approval"]?["outcome"]?.GetValue<string>(), Is.EqualTo("APPROVED"));
            Assert.That(job["approval"]?["by"]?.GetValue<string>(), Is.EqualTo(approver.Subject));
            Assert.That(job["approval"]?["comment"]?.GetValue<string>(), Is.EqualTo("Budget confirmed."));
        });
    }

    [Test]
    public async Task ApprovedOrder_ShowsInTheBusinessMetrics_ComputedFromTheFunctionsEmbeddedMetricLines()
    {
        var client = await _app.UserAsync(Unique("client"));
        var approver = await _app.UserAsync(Unique("approver"), "approvers");
        var before = await MetricsAsync();
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));
        await client.WaitForStatusAsync(jobId, "AWAITING_APPROVAL", "SUCCEEDED", "FAILED", "REJECTED");
        await approver.DecideAsync(jobId, "APPROVE", "fine");
        await client.WaitForStatusAsync(jobId, "SUCCEEDED", "FAILED", "REJECTED");

        string[] counted = ["JobsSubmitted", "ApprovalsRequested", "ApprovalsDecided", "JobsSucceeded", "ApprovalWaitTime", "EndToEndDuration"];
        await Eventually.Until(async () =>
        {
            var after = await MetricsAsync();
            return counted.All(name => Samples(after, name) > Samples(before, name));
        }, WorkDeadline.Value, "every business metric of an approved order appears at GET /_local/metrics");
        var report = await MetricsAsync();
        Assert.That(Metric(report, "ApprovalWaitTime")?["unit"]?.GetValue<string>(), Is.EqualTo("Milliseconds"));
    }

    private async Task<JsonNode> MetricsAsync()
    {
        using var response = await _app.Http.GetAsync(new Uri("/_local/metrics", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonNode? Metric(JsonNode report, string name) =>
        report["metrics"]!.AsArray().FirstOrDefault(m => m!["name"]!.GetValue<string>() == name);

    private static long Samples(JsonNode report, string name) => Metric(report, name)?["sampleCount"]?.GetValue<long>() ?? 0;

    [Test]
    public async Task LargeOrder_RejectedByAnApprover_EndsRejectedWithoutPurchaseOrder()
    {
        var client = await _app.UserAsync(Unique("client"));
        var approver = await _app.UserAsync(Unique("approver"), "approvers");
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));
        await client.WaitForStatusAsync(jobId, "AWAITING_APPROVAL");

        var decided = await approver.DecideAsync(jobId, "REJECT", "Not this quarter.");
        var job = await client.WaitForStatusAsync(jobId, "REJECTED", "SUCCEEDED", "FAILED");
        var again = await approver.DecideAsync(jobId, "APPROVE", "changed my mind");

        Assert.Multiple(() =>
        {
            Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.ToString());
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("REJECTED"), job.ToJsonString());
            Assert.That(job["purchaseOrderNumber"], Is.Null);
            Assert.That(job["approval"]?["outcome"]?.GetValue<string>(), Is.EqualTo("REJECTED"));
            Assert.That(job["approval"]?["comment"]?.GetValue<string>(), Is.EqualTo("Not this quarter."));
            Assert.That(again.Code, Is.EqualTo(409), again.ToString());
        });
    }

    [Test]
    public async Task TwoApproversDecidingAtOnce_ProduceExactlyOneOutcome()
    {
        var client = await _app.UserAsync(Unique("client"));
        var approving = await _app.UserAsync(Unique("approver"), "approvers");
        var rejecting = await _app.UserAsync(Unique("approver"), "approvers");
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));
        await client.WaitForStatusAsync(jobId, "AWAITING_APPROVAL");

        var decisions = await Task.WhenAll(
            approving.DecideAsync(jobId, "APPROVE", "yes"),
            rejecting.DecideAsync(jobId, "REJECT", "no"));
        var job = await client.WaitForStatusAsync(jobId, "SUCCEEDED", "REJECTED", "FAILED");
        var winner = decisions[0].Code == 200 ? approving : rejecting;

        Assert.Multiple(() =>
        {
            Assert.That(decisions.Select(d => d.Code).Order(), Is.EqualTo(new[] { 200, 409 }), string.Join(" | ", decisions.Select(d => d.ToString())));
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo(winner == approving ? "SUCCEEDED" : "REJECTED"), job.ToJsonString());
            Assert.That(job["approval"]?["by"]?.GetValue<string>(), Is.EqualTo(winner.Subject));
        });
    }

    [Test]
    public async Task CancelWhileAwaitingApproval_EndsCancelledAndAbortsTheExecution()
    {
        var client = await _app.UserAsync(Unique("client"));
        var approver = await _app.UserAsync(Unique("approver"), "approvers");
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));
        await client.WaitForStatusAsync(jobId, "AWAITING_APPROVAL");

        var cancelled = await client.CancelAsync(jobId);
        var job = await client.WaitForStatusAsync(jobId, "CANCELLED", "SUCCEEDED", "FAILED", "REJECTED");
        var execution = await Eventually.Value(async () =>
        {
            var executions = await _app.Aws.ExecutionsOfJobAsync(_app.StateMachineArn, jobId);
            return executions.Count == 1 && executions[0]["status"]!.GetValue<string>() != "RUNNING" ? executions[0] : null;
        }, ApiUser.JobTimeout, $"the execution of job {jobId} stops");
        var lateDecision = await approver.DecideAsync(jobId, "APPROVE", "too late");
        var cancelAgain = await client.CancelAsync(jobId);
        var afterwards = await client.GetJobAsync(jobId);

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Code, Is.AnyOf(200, 202), cancelled.ToString());
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("CANCELLED"), job.ToJsonString());
            Assert.That(execution["status"]!.GetValue<string>(), Is.EqualTo("ABORTED"), execution.ToJsonString());
            Assert.That(lateDecision.Code, Is.EqualTo(409), lateDecision.ToString());
            Assert.That(cancelAgain.Code, Is.EqualTo(200), "a repeated cancel is idempotent: " + cancelAgain);
            Assert.That(cancelAgain.Json?["status"]?.GetValue<string>(), Is.EqualTo("CANCELLED"));
            Assert.That(afterwards.Json!["status"]!.GetValue<string>(), Is.EqualTo("CANCELLED"));
        });
    }

    [Test]
    public async Task SameJobSubmittedEventDeliveredTwice_RunsTheJobOnce()
    {
        var client = await _app.UserAsync(Unique("client"));
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Small(client.Subject));
        var submittedAt = (await client.GetJobAsync(jobId)).Json!["createdAt"]!.GetValue<string>();

        var put = await _app.Aws.PutEventAsync(_app.EventBusName, AppRuntime.EventSource, "JobSubmitted", new JsonObject
        {
            ["jobId"] = jobId,
            ["type"] = "purchase-request",
            ["clientId"] = client.Subject,
            ["submittedAt"] = submittedAt,
        });
        var job = await client.WaitForStatusAsync(jobId, "SUCCEEDED", "FAILED", "REJECTED");
        var executions = await Eventually.Value(async () =>
        {
            var found = await _app.Aws.ExecutionsOfJobAsync(_app.StateMachineArn, jobId);
            return found.Count == 2 && found.All(e => e["status"]!.GetValue<string>() != "RUNNING") ? found : null;
        }, ApiUser.JobTimeout, $"both deliveries of job {jobId} started an execution that finished");
        var paths = new List<List<string>>();
        foreach (var execution in executions)
        {
            paths.Add(await _app.Aws.EnteredStatesAsync(execution["executionArn"]!.GetValue<string>()));
        }

        Assert.Multiple(() =>
        {
            Assert.That(put["FailedEntryCount"]!.GetValue<int>(), Is.EqualTo(0), put.ToJsonString());
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"), job.ToJsonString());
            Assert.That(paths.Count(p => p.Contains("RunChecks")), Is.EqualTo(1), "exactly one execution processed the job");
            Assert.That(paths.Count(p => p.Contains("AlreadyClaimed")), Is.EqualTo(1), "the other found the job claimed");
            Assert.That(paths.Count(p => p.Contains("Finalize")), Is.EqualTo(1), "one purchase order");
            Assert.That(executions.Select(e => e["status"]!.GetValue<string>()), Is.All.EqualTo("SUCCEEDED"));
        });
    }

    [Test]
    public async Task SubmitWithSameIdempotencyKey_ReturnsTheSameJob_AndAnotherBodyIsRefused()
    {
        var client = await _app.UserAsync(Unique("client"));
        var key = "order-" + Guid.NewGuid().ToString("N");
        var body = PurchaseRequests.Small(client.Subject);

        var first = await client.SubmitAsync(body, key);
        var second = await client.SubmitAsync(body, key);
        var changed = await client.SubmitAsync(PurchaseRequests.Small(client.Subject, vendor: "Other Vendor"), key);
        var firstId = first.Json!["jobId"]!.GetValue<string>();
        await client.WaitForStatusAsync(firstId, "SUCCEEDED", "FAILED", "REJECTED");
        var jobs = await client.AllJobsAsync();
        var executions = await _app.Aws.ExecutionsOfJobAsync(_app.StateMachineArn, firstId);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.Accepted), first.ToString());
            Assert.That(second.Code, Is.AnyOf(200, 202), second.ToString());
            Assert.That((second.Json!["jobId"] ?? second.Json!["id"])?.GetValue<string>(), Is.EqualTo(firstId));
            Assert.That(changed.Code, Is.AnyOf(409, 422), changed.ToString());
            Assert.That(changed.ContentType, Is.EqualTo("application/problem+json"));
            Assert.That(jobs.Select(j => (j["jobId"] ?? j["id"])!.GetValue<string>()), Is.EqualTo(new[] { firstId }), "one job for the key");
            Assert.That(executions, Has.Count.EqualTo(1));
        });
    }
}
