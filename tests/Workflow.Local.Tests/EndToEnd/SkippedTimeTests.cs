using System.Net;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// Behaviour that depends on long waits (the one-day approval timeout of the template, token expiry), tested by
/// skipping time on the runtime's clock (<c>LocalRuntimeOptions.TimeProvider</c>) instead of waiting.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SkippedTimeTests
{
    private readonly TestClock _clock = TestClock.Running();
    private AppRuntime _app = null!;

    [OneTimeSetUp]
    public async Task StartApplication() => _app = await AppRuntime.StartAsync(options => options with { TimeProvider = _clock });

    [OneTimeTearDown]
    public async Task StopApplication() => await _app.DisposeAsync();

    [Test]
    public async Task NoDecisionWithinTheApprovalTimeout_RejectsTheRequestAsTimedOut()
    {
        var client = await _app.UserAsync("timeout-client");
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));
        await client.WaitForStatusAsync(jobId, "AWAITING_APPROVAL");
        var timeoutSeconds = int.Parse(_app.Runtime.Model.Parameters["ApprovalTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture);

        _clock.Advance(TimeSpan.FromSeconds(timeoutSeconds + 1));

        // Tokens issued before the skip have expired on the runtime's clock: ask for new ones.
        var requester = await _app.UserAsync(client.Subject);
        var approver = await _app.UserAsync("timeout-approver", "approvers");
        var job = await requester.WaitForStatusAsync(jobId, "REJECTED", "SUCCEEDED", "FAILED");
        var lateDecision = await approver.DecideAsync(jobId, "APPROVE", "sorry, I was away");

        Assert.Multiple(() =>
        {
            Assert.That(timeoutSeconds, Is.EqualTo(86400), "the template's default is one day");
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("REJECTED"), job.ToJsonString());
            Assert.That(job["approval"]?["outcome"]?.GetValue<string>(), Is.EqualTo("TIMED_OUT"));
            Assert.That(job["approval"]?["by"]?.GetValue<string>(), Is.EqualTo("workflow"));
            Assert.That(job["purchaseOrderNumber"], Is.Null);
            Assert.That(lateDecision.Code, Is.EqualTo(409), lateDecision.ToString());
        });
    }

    [Test]
    public async Task ExpiredToken_IsRefusedWith401_AndAFreshOneWorks()
    {
        var user = await _app.UserAsync("expiry-client");
        var before = await user.ListJobsAsync();

        _clock.Advance(TimeSpan.FromHours(2));
        var expired = await user.ListJobsAsync();
        var fresh = await (await _app.UserAsync(user.Subject)).ListJobsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(HttpStatusCode.OK), before.ToString());
            Assert.That(expired.Status, Is.EqualTo(HttpStatusCode.Unauthorized), expired.ToString());
            Assert.That(expired.Body, Is.EqualTo("""{"message":"Unauthorized"}"""));
            Assert.That(fresh.Status, Is.EqualTo(HttpStatusCode.OK), fresh.ToString());
        });
    }
}
