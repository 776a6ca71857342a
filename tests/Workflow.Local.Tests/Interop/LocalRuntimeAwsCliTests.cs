using System.Text.Json.Nodes;
using Workflow.Local.Hosting;
using Workflow.Testing;

namespace Workflow.Local.Tests.Interop;

/// <summary>The AWS CLI against the real local runtime running the repository's template.</summary>
[NonParallelizable]
public sealed class LocalRuntimeAwsCliTests
{
    private string dataDirectory = null!;
    private LocalRuntime? runtime;

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!AwsCli.IsInstalled())
        {
            Assert.Ignore("The AWS CLI is not installed.");
        }

        dataDirectory = Directory.CreateTempSubdirectory("runtime-cli-").FullName;
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        runtime = await LocalRuntime.StartAsync(new LocalRuntimeOptions
        {
            TemplatePath = RepoPaths.InRepo("template.yaml"),
            Port = 0,
            DataDirectory = dataDirectory,
            LogFormat = LogFormat.Text,
        }, startup.Token);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (runtime is not null)
        {
            await runtime.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Test]
    public async Task PutEventsFromTheCli_StartsTheApplicationsStateMachine()
    {
        var machines = await AwsCli.RunJsonAsync(runtime!.BaseUrl, "stepfunctions", "list-state-machines");
        var stateMachineArn = machines["stateMachines"]!.AsArray().Single()!["stateMachineArn"]!.GetValue<string>();
        var bus = runtime.Model.EventBuses.Single(b => b.Name != "default").Name;
        var jobId = Guid.NewGuid().ToString("N");

        var put = await AwsCli.RunJsonAsync(runtime.BaseUrl, "events", "put-events", "--entries", new JsonArray(new JsonObject
        {
            ["EventBusName"] = bus,
            ["Source"] = "workflow.jobs",
            ["DetailType"] = "JobSubmitted",
            ["Detail"] = new JsonObject { ["jobId"] = jobId, ["type"] = "purchase-request", ["clientId"] = "cli", ["submittedAt"] = "2026-01-01T00:00:00Z" }.ToJsonString(),
        }).ToJsonString());

        Assert.That(put["FailedEntryCount"]!.GetValue<int>(), Is.Zero);
        var executionArn = await Eventually.Value(async () =>
        {
            var executions = await AwsCli.RunJsonAsync(runtime.BaseUrl, "stepfunctions", "list-executions", "--state-machine-arn", stateMachineArn);
            foreach (var execution in executions["executions"]!.AsArray())
            {
                var arn = execution!["executionArn"]!.GetValue<string>();
                var described = await AwsCli.RunJsonAsync(runtime.BaseUrl, "stepfunctions", "describe-execution", "--execution-arn", arn);
                if (described["input"]!.GetValue<string>().Contains(jobId, StringComparison.Ordinal))
                {
                    return arn;
                }
            }

            return null;
        }, WorkDeadline.Value, "the JobSubmitted rule starts an execution");
        var history = await AwsCli.RunJsonAsync(runtime.BaseUrl, "stepfunctions", "get-execution-history", "--execution-arn", executionArn);
        Assert.That(history["events"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("ExecutionStarted"));
        Assert.That(JsonNode.Parse(history["events"]![0]!["executionStartedEventDetails"]!["input"]!.GetValue<string>())!["jobId"]!.GetValue<string>(),
            Is.EqualTo(jobId));
    }
}
