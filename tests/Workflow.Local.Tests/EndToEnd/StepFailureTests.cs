using System.Text.Json.Nodes;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// Error paths of the state machine, produced with the runtime's Step Functions Local mock configuration support
/// (the CheckBudget step is mocked; every other step runs the real function). Each test starts its own runtime
/// because the mock test case applies to every execution the rule starts.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StepFailureTests
{
    private readonly List<string> _files = [];

    [OneTimeTearDown]
    public void DeleteMockFiles()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task TransientStepFailure_IsRetried_AndTheJobSucceeds()
    {
        var mock = Track(MockFiles.Write("CheckBudget", new JsonObject
        {
            ["0"] = MockFiles.Throw("TransientDependencyException", "DynamoDB throttled the budget read"),
            ["1"] = MockFiles.BudgetWithin(24.00m),
        }));
        await using var app = await AppRuntime.StartAsync(options => MockFiles.With(options, mock));
        var client = await app.UserAsync("transient-client");

        var jobId = await client.SubmitJobAsync(PurchaseRequests.Small(client.Subject));
        var job = await client.WaitForStatusAsync(jobId, "SUCCEEDED", "FAILED", "REJECTED");
        var execution = (await app.Aws.ExecutionsOfJobAsync(app.StateMachineArn, jobId)).Single();
        var history = await app.Aws.HistoryAsync(execution["executionArn"]!.GetValue<string>());
        var budgetAttempts = history.Count(e => e["taskScheduledEventDetails"]?["parameters"]?.GetValue<string>().Contains("CheckBudget", StringComparison.Ordinal) == true);
        var failures = history.Where(e => e["type"]!.GetValue<string>() == "TaskFailed").Select(e => e["taskFailedEventDetails"]!["error"]!.GetValue<string>()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"), job.ToJsonString());
            Assert.That(job["purchaseOrderNumber"]?.GetValue<string>(), Does.StartWith("PO-"));
            Assert.That(failures, Is.EqualTo(new[] { "TransientDependencyException" }), "one failed attempt, then a retry");
            Assert.That(budgetAttempts, Is.EqualTo(2), "CheckBudget scheduled twice");
            Assert.That(execution["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        });
    }

    [Test]
    public async Task StepThatAlwaysFails_LeavesTheJobFailedWithTheCause()
    {
        var mock = Track(MockFiles.Write("CheckBudget", new JsonObject
        {
            ["0"] = MockFiles.Throw("TransientDependencyException", "budget store unavailable"),
        }));
        await using var app = await AppRuntime.StartAsync(options => MockFiles.With(options, mock));
        var client = await app.UserAsync("failing-client");

        var jobId = await client.SubmitJobAsync(PurchaseRequests.Small(client.Subject));
        var job = await client.WaitForStatusAsync(jobId, "FAILED", "SUCCEEDED", "REJECTED");
        var execution = (await app.Aws.ExecutionsOfJobAsync(app.StateMachineArn, jobId)).Single();
        var history = await app.Aws.HistoryAsync(execution["executionArn"]!.GetValue<string>());
        var failedAttempts = history.Count(e => e["type"]!.GetValue<string>() == "TaskFailed");

        Assert.Multiple(() =>
        {
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("FAILED"), job.ToJsonString());
            Assert.That(job["error"]?.GetValue<string>(), Is.EqualTo("TransientDependencyException"));
            Assert.That(job["cause"]?.GetValue<string>(), Does.Contain("budget store unavailable"));
            Assert.That(job["purchaseOrderNumber"], Is.Null);
            Assert.That(failedAttempts, Is.EqualTo(6), "the first attempt and five retries (MaxAttempts 5)");
            Assert.That(execution["status"]!.GetValue<string>(), Is.EqualTo("FAILED"));
            Assert.That(execution["error"]?.GetValue<string>(), Is.EqualTo("TransientDependencyException"));
        });
    }

    /// <summary>
    /// A frozen clock parks the execution in CheckBudget's retry back-off (the job is RUNNING inside the Parallel
    /// state); cancelling then must stop the execution and leave the job CANCELLED.
    /// </summary>
    [Test]
    public async Task CancelWhileAStepIsRetrying_EndsCancelledAndAbortsTheExecution()
    {
        var mock = Track(MockFiles.Write("CheckBudget", new JsonObject
        {
            ["0"] = MockFiles.Throw("TransientDependencyException", "budget store throttled"),
        }));
        await using var app = await AppRuntime.StartAsync(options => MockFiles.With(options, mock) with { TimeProvider = TestClock.Frozen() });
        var client = await app.UserAsync("cancel-running-client");
        var jobId = await client.SubmitJobAsync(PurchaseRequests.Small(client.Subject));
        var executionArn = await Workflow.Testing.Eventually.Value(async () =>
        {
            var executions = await app.Aws.ExecutionsOfJobAsync(app.StateMachineArn, jobId);
            if (executions.Count != 1)
            {
                return null;
            }

            var arn = executions[0]["executionArn"]!.GetValue<string>();
            return (await app.Aws.HistoryAsync(arn)).Any(e => e["type"]!.GetValue<string>() == "TaskFailed") ? arn : null;
        }, ApiUser.JobTimeout, $"job {jobId} is retrying CheckBudget");
        var running = (await client.GetJobAsync(jobId)).Json!["status"]!.GetValue<string>();

        var cancelled = await client.CancelAsync(jobId);
        var job = await client.WaitForStatusAsync(jobId, "CANCELLED", "SUCCEEDED", "FAILED", "REJECTED");
        var execution = await Workflow.Testing.Eventually.Value(async () =>
        {
            var described = await app.Aws.DescribeExecutionAsync(executionArn);
            return described["status"]!.GetValue<string>() == "RUNNING" ? null : described;
        }, ApiUser.JobTimeout, $"execution {executionArn} stops");

        Assert.Multiple(() =>
        {
            Assert.That(running, Is.EqualTo("RUNNING"));
            Assert.That(cancelled.Code, Is.AnyOf(200, 202), cancelled.ToString());
            Assert.That(job["status"]!.GetValue<string>(), Is.EqualTo("CANCELLED"), job.ToJsonString());
            Assert.That(execution["status"]!.GetValue<string>(), Is.EqualTo("ABORTED"), execution.ToJsonString());
        });
    }

    private string Track(string file)
    {
        _files.Add(file);
        return file;
    }
}
