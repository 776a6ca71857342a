using System.Text.Json.Nodes;
using Workflow.Local.Template;
using Workflow.Local.Tests.StepFunctions;
using Workflow.Testing;

namespace Workflow.Local.Tests.Interop;

/// <summary>The real AWS CLI against the local Step Functions and EventBridge endpoints.</summary>
[NonParallelizable]
public sealed class AwsCliInteropTests
{
    private const string Greeter = """
        {"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hello {}', $.name)"},"End":true}}}
        """;

    private const string Approval = """
        {"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters":{"FunctionName":"request-approval","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}
        """;

    private string dataDirectory = null!;
    private FakeFunctionInvoker functions = null!;
    private LocalServicesServer server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!AwsCli.IsInstalled())
        {
            Assert.Ignore("The AWS CLI is not installed.");
        }

        dataDirectory = Directory.CreateTempSubdirectory("aws-cli-").FullName;
        functions = new FakeFunctionInvoker().Returns("request-approval", "{}");
        var rule = new EventRuleModel("JobRule", "job-submitted", "arn:aws:events:us-east-1:123456789012:rule/jobs/job-submitted",
            EventRuleOrigin.SamEventBridgeRule, "jobs", """{"source":["workflow.jobs"],"detail-type":["JobSubmitted"]}""", null, null, "ENABLED",
            [new EventTargetModel("greeter", TestModels.StateMachineArn("greeter"), EventTargetKind.StateMachine, null, "$.detail", null, null, null)]);
        var model = TestModels.Create(dataDirectory,
            [TestModels.StateMachine("greeter", Greeter), TestModels.StateMachine("approval", Approval)], [rule]);
        server = await LocalServicesServer.StartAsync(model, functions, dataDirectory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private Task<JsonNode> StatusAsync(string executionArn) =>
        Eventually.Value(async () =>
        {
            var described = await AwsCli.RunJsonAsync(server.BaseAddress, "stepfunctions", "describe-execution", "--execution-arn", executionArn);
            return described["status"]!.GetValue<string>() == "RUNNING" ? null : described;
        }, WorkDeadline.Value, $"{executionArn} finishes");

    [Test]
    public async Task ListStateMachines_ShowsTheTemplatesMachines()
    {
        var result = await AwsCli.RunJsonAsync(server.BaseAddress, "stepfunctions", "list-state-machines");

        var names = result["stateMachines"]!.AsArray().Select(m => m!["name"]!.GetValue<string>());
        Assert.That(names, Is.EquivalentTo(new[] { "approval", "greeter" }));
        // AWS CLI v1 prints timestamps as the service sent them: epoch seconds, as AWS does.
        Assert.That(result["stateMachines"]![0]!["creationDate"]!.GetValue<double>(), Is.GreaterThan(1_600_000_000));
    }

    [Test]
    public async Task StartExecutionAndDescribeExecution_RunToSucceeded()
    {
        var started = await AwsCli.RunJsonAsync(server.BaseAddress, "stepfunctions", "start-execution",
            "--state-machine-arn", TestModels.StateMachineArn("greeter"), "--input", """{"name":"cli"}""");

        var described = await StatusAsync(started["executionArn"]!.GetValue<string>());

        Assert.That(described["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(described["output"]!.GetValue<string>())!["greeting"]!.GetValue<string>(), Is.EqualTo("hello cli"));
        var history = await AwsCli.RunJsonAsync(server.BaseAddress, "stepfunctions", "get-execution-history", "--execution-arn",
            started["executionArn"]!.GetValue<string>());
        Assert.That(history["events"]![1]!["stateEnteredEventDetails"]!["name"]!.GetValue<string>(), Is.EqualTo("Greet"));
    }

    [Test]
    public async Task SendTaskSuccess_CompletesTheWaitingTask()
    {
        var before = functions.Calls.Count;
        var started = await AwsCli.RunJsonAsync(server.BaseAddress, "stepfunctions", "start-execution",
            "--state-machine-arn", TestModels.StateMachineArn("approval"));
        await Eventually.Until(() => functions.Calls.Count > before, WorkDeadline.Value, "the task token is handed out");
        var token = JsonNode.Parse(functions.Calls.Last().Payload)!["token"]!.GetValue<string>();

        var (exitCode, _, stderr) = await AwsCli.RunAsync(server.BaseAddress, "stepfunctions", "send-task-success",
            "--task-token", token, "--task-output", """{"approved":true}""");
        var described = await StatusAsync(started["executionArn"]!.GetValue<string>());

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(described["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(described["output"]!.GetValue<string>())!["approved"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task PutEvents_IsAcceptedAndRoutedToTheStateMachine()
    {
        var result = await AwsCli.RunJsonAsync(server.BaseAddress, "events", "put-events", "--entries",
            """[{"EventBusName":"jobs","Source":"workflow.jobs","DetailType":"JobSubmitted","Detail":"{\"name\":\"from-cli\"}"}]""");

        Assert.That(result["FailedEntryCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(result["Entries"]![0]!["EventId"]!.GetValue<string>(), Is.Not.Empty);
        await Eventually.Until(async () =>
        {
            var executions = await server.CallOkAsync("AWSStepFunctions.ListExecutions", new JsonObject { ["stateMachineArn"] = TestModels.StateMachineArn("greeter") });
            foreach (var execution in executions["executions"]!.AsArray())
            {
                var described = await Executions.DescribeAsync(server, execution!["executionArn"]!.GetValue<string>());
                if (described["input"]!.GetValue<string>().Contains("from-cli", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }, WorkDeadline.Value, "the event starts the greeter");
    }

    [Test]
    public async Task ListRulesAndTestEventPattern_Work()
    {
        var rules = await AwsCli.RunJsonAsync(server.BaseAddress, "events", "list-rules", "--event-bus-name", "jobs");
        var test = await AwsCli.RunJsonAsync(server.BaseAddress, "events", "test-event-pattern",
            "--event-pattern", """{"source":["workflow.jobs"]}""",
            "--event", """{"id":"1","account":"123456789012","source":"workflow.jobs","time":"2026-01-01T00:00:00Z","region":"us-east-1","detail-type":"X","detail":{}}""");

        Assert.That(rules["Rules"]![0]!["Name"]!.GetValue<string>(), Is.EqualTo("job-submitted"));
        Assert.That(test["Result"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task UnknownExecution_IsReportedWithTheAwsErrorCode()
    {
        var (exitCode, _, stderr) = await AwsCli.RunAsync(server.BaseAddress, "stepfunctions", "describe-execution", "--execution-arn",
            "arn:aws:states:us-east-1:123456789012:execution:greeter:missing");

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(stderr, Does.Contain("ExecutionDoesNotExist"));
    }
}
