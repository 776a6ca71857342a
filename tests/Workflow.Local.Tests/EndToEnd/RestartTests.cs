using System.Net;
using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// Stopping the runtime (as Ctrl+C does) and starting it again on the same data folder: waiting and half-done jobs
/// continue, nothing is lost and nothing runs twice.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RestartTests
{
    [Test]
    public async Task RestartWhileAwaitingApproval_ThenApprove_JobCompletesOnceAndNothingIsLost()
    {
        await using var app = await AppRuntime.StartAsync();
        var client = await app.UserAsync("restart-client");
        var waitingId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));
        var finishedId = await client.SubmitJobAsync(PurchaseRequests.Small(client.Subject));
        await client.WaitForStatusAsync(waitingId, "AWAITING_APPROVAL");
        var finishedBefore = await client.WaitForStatusAsync(finishedId, "SUCCEEDED");

        await app.RestartAsync();

        var clientAfter = new ApiUser(app.Http, client.Subject, client.Token);
        var approver = await app.UserAsync("restart-approver", "approvers");
        var stillWaiting = await clientAfter.GetJobAsync(waitingId);
        var decided = await approver.DecideAsync(waitingId, "APPROVE", "after the restart");
        var completed = await clientAfter.WaitForStatusAsync(waitingId, "SUCCEEDED", "FAILED", "REJECTED");
        var finishedAfter = (await clientAfter.GetJobAsync(finishedId)).Json!.AsObject();
        var jobs = await clientAfter.AllJobsAsync();
        var executions = await app.Aws.ExecutionsByJobAsync(app.StateMachineArn);

        Assert.Multiple(() =>
        {
            Assert.That(stillWaiting.Status, Is.EqualTo(HttpStatusCode.OK), "a token issued before the restart stays valid: " + stillWaiting);
            Assert.That(stillWaiting.Json?["status"]?.GetValue<string>(), Is.EqualTo("AWAITING_APPROVAL"));
            Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.ToString());
            Assert.That(completed["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"), completed.ToJsonString());
            Assert.That(completed["approval"]?["by"]?.GetValue<string>(), Is.EqualTo(approver.Subject));
            Assert.That(finishedAfter.ToJsonString(), Is.EqualTo(finishedBefore.ToJsonString()), "the finished job is untouched");
            Assert.That(jobs.Select(j => j["jobId"]!.GetValue<string>()), Is.EquivalentTo(new[] { waitingId, finishedId }));
            Assert.That(executions[waitingId].Select(e => e["status"]!.GetValue<string>()), Is.EqualTo(new[] { "SUCCEEDED" }));
            Assert.That(executions[finishedId].Select(e => e["status"]!.GetValue<string>()), Is.EqualTo(new[] { "SUCCEEDED" }));
        });
    }

    /// <summary>
    /// The approval timeout counts from when the approval task started, across a restart: half the timeout passes
    /// before the restart and just over half after it, and the request times out.
    /// </summary>
    [Test]
    public async Task ApprovalTimeout_KeepsCountingAcrossARestart()
    {
        var clock = TestClock.Running();
        await using var app = await AppRuntime.StartAsync(options => options with { TimeProvider = clock });
        var client = await app.UserAsync("restart-timeout-client");
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Large(client.Subject));
        await client.WaitForStatusAsync(jobId, "AWAITING_APPROVAL");
        var timeout = TimeSpan.FromSeconds(int.Parse(app.Runtime.Model.Parameters["ApprovalTimeoutSeconds"], System.Globalization.CultureInfo.InvariantCulture));

        clock.Advance(timeout / 2);
        await app.RestartAsync();
        var afterRestart = await app.UserAsync(client.Subject);
        var stillWaiting = (await afterRestart.GetJobAsync(jobId)).Json!["status"]!.GetValue<string>();
        clock.Advance(timeout / 2 + TimeSpan.FromSeconds(5));
        var requester = await app.UserAsync(client.Subject);
        var job = await requester.WaitForStatusAsync(jobId, "REJECTED", "SUCCEEDED", "FAILED");

        Assert.Multiple(() =>
        {
            Assert.That(stillWaiting, Is.EqualTo("AWAITING_APPROVAL"));
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("REJECTED"), job.ToJsonString());
            Assert.That(job["approval"]?["outcome"]?.GetValue<string>(), Is.EqualTo("TIMED_OUT"));
        });
    }

    /// <summary>
    /// The first run has a frozen clock and a CheckBudget that keeps failing transiently, so the execution is parked
    /// inside the Parallel state in CheckBudget's retry back-off while the other branches have finished. The second run
    /// has a real clock and the real CheckBudget: the execution resumes in the Parallel state and completes.
    /// </summary>
    [Test]
    public async Task RestartMidParallel_TheExecutionResumesAndTheJobSucceedsOnce()
    {
        var mock = MockFiles.Write("CheckBudget", new JsonObject
        {
            ["0"] = MockFiles.Throw("TransientDependencyException", "budget store throttled"),
        });
        try
        {
            await using var app = await AppRuntime.StartAsync(options => MockFiles.With(options, mock) with { TimeProvider = TestClock.Frozen() });
            var client = await app.UserAsync("parallel-client");
            var jobId = await client.SubmitJobAsync(PurchaseRequests.Small(client.Subject));
            var executionArn = await Eventually.Value(async () =>
            {
                var executions = await app.Aws.ExecutionsOfJobAsync(app.StateMachineArn, jobId);
                if (executions.Count != 1)
                {
                    return null;
                }

                var arn = executions[0]["executionArn"]!.GetValue<string>();
                var history = await app.Aws.HistoryAsync(arn);
                var branchesDone = history.Count(e => e["type"]!.GetValue<string>() == "TaskSucceeded") >= 3;
                var budgetFailed = history.Any(e => e["type"]!.GetValue<string>() == "TaskFailed");
                return branchesDone && budgetFailed ? arn : null;
            }, ApiUser.JobTimeout, $"job {jobId} is parked in CheckBudget's retry with the other three branches done");
            var parked = (await client.GetJobAsync(jobId)).Json!["status"]!.GetValue<string>();

            // The clients of the first run go with it; a token stays valid (the signing key lives in the data folder).

            await app.RestartAsync(options => options with { TimeProvider = TimeProvider.System, MockConfigPath = null, MockTestCase = null });

            var job = await new ApiUser(app.Http, client.Subject, client.Token).WaitForStatusAsync(jobId, "SUCCEEDED", "FAILED", "REJECTED");
            var executionsAfter = await app.Aws.ExecutionsOfJobAsync(app.StateMachineArn, jobId);
            var entered = await app.Aws.EnteredStatesAsync(executionArn);

            Assert.Multiple(() =>
            {
                Assert.That(parked, Is.EqualTo("RUNNING"));
                Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"), job.ToJsonString());
                Assert.That(job["steps"]?[2]?["withinBudget"]?.GetValue<bool>(), Is.True, "the real CheckBudget ran after the restart");
                Assert.That(executionsAfter.Select(e => e["executionArn"]!.GetValue<string>()), Is.EqualTo(new[] { executionArn }), "the same execution, not a new one");
                Assert.That(executionsAfter[0]["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
                Assert.That(entered.Count(s => s == "RunChecks"), Is.EqualTo(1), "the Parallel state was entered once");
                Assert.That(entered.Count(s => s == "ValidateRequest"), Is.EqualTo(1), "finished branches did not run again");
                Assert.That(entered.Count(s => s == "Finalize"), Is.EqualTo(1));
            });
        }
        finally
        {
            File.Delete(mock);
        }
    }
}
