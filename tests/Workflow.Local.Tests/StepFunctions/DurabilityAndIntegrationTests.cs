using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Local.Tests.StepFunctions;

public sealed class DurabilityAndIntegrationTests
{
    private const string ApprovalMachine = """
        {
          "StartAt": "RequestApproval",
          "States": {
            "RequestApproval": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": { "FunctionName": "request-approval", "Payload": { "token.$": "$$.Task.Token", "jobId.$": "$.jobId" } },
              "ResultPath": "$.approval",
              "Next": "Done"
            },
            "Done": { "Type": "Pass", "End": true }
          }
        }
        """;

    private const string ChildMachine = """
        {"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true}}}
        """;

    private const string ParentMachine = """
        {
          "StartAt": "RunChild",
          "States": {
            "RunChild": {
              "Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": { "StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:child", "Input": { "n.$": "$.n" } },
              "OutputPath": "$.Output",
              "End": true
            }
          }
        }
        """;

    private string dataDirectory = null!;

    [SetUp]
    public void CreateDataDirectory() => dataDirectory = Directory.CreateTempSubdirectory("sfn-durable-").FullName;

    [TearDown]
    public void DeleteDataDirectory() => Directory.Delete(dataDirectory, recursive: true);

    private global::Workflow.Local.Template.ApplicationModel Model() => TestModels.Create(dataDirectory,
    [
        TestModels.StateMachine("approval", ApprovalMachine),
        TestModels.StateMachine("child", ChildMachine),
        TestModels.StateMachine("parent", ParentMachine),
    ]);

    [Test]
    public async Task WaitingExecution_SurvivesARestartAndCompletesWithSendTaskSuccess()
    {
        string executionArn;
        string token;
        var firstRun = new FakeFunctionInvoker().Returns("request-approval", "{}");
        await using (var server = await LocalServicesServer.StartAsync(Model(), firstRun, dataDirectory))
        {
            executionArn = await Executions.StartAsync(server, TestModels.StateMachineArn("approval"), """{"jobId":"job-1"}""");
            await Eventually.Until(() => !firstRun.Calls.IsEmpty, WorkDeadline.Value, "the approval request is sent");
            token = JsonNode.Parse(firstRun.Calls.Single().Payload)!["token"]!.GetValue<string>();
        }

        var secondRun = new FakeFunctionInvoker().Returns("request-approval", "{}");
        await using (var server = await LocalServicesServer.StartAsync(Model(), secondRun, dataDirectory))
        {
            Assert.That((await Executions.DescribeAsync(server, executionArn))["status"]!.GetValue<string>(), Is.EqualTo("RUNNING"));

            await server.CallOkAsync("AWSStepFunctions.SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = """{"approved":true}""" });
            var result = await Executions.FinishedAsync(server, executionArn);

            Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
            Assert.That(JsonNode.Parse(result["output"]!.GetValue<string>())!["approval"]!["approved"]!.GetValue<bool>(), Is.True);
            Assert.That(secondRun.Calls, Is.Empty, "the resumed task waits for its token instead of invoking again");
        }
    }

    [Test]
    public async Task SendTaskFailure_FailsTheWaitingTask()
    {
        var functions = new FakeFunctionInvoker().Returns("request-approval", "{}");
        await using var server = await LocalServicesServer.StartAsync(Model(), functions, dataDirectory);
        var executionArn = await Executions.StartAsync(server, TestModels.StateMachineArn("approval"), """{"jobId":"job-2"}""");
        await Eventually.Until(() => !functions.Calls.IsEmpty, WorkDeadline.Value, "the approval request is sent");
        var token = JsonNode.Parse(functions.Calls.Single().Payload)!["token"]!.GetValue<string>();

        await server.CallOkAsync("AWSStepFunctions.SendTaskFailure", new JsonObject { ["taskToken"] = token, ["error"] = "Rejected", ["cause"] = "no budget" });
        var result = await Executions.FinishedAsync(server, executionArn);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("FAILED"));
        Assert.That(result["error"]!.GetValue<string>(), Is.EqualTo("Rejected"));
        Assert.That(result["cause"]!.GetValue<string>(), Is.EqualTo("no budget"));
    }

    [Test]
    public async Task StartExecutionSync2_WaitsForTheChildAndReturnsItsOutputAsJson()
    {
        await using var server = await LocalServicesServer.StartAsync(Model(), new FakeFunctionInvoker(), dataDirectory);

        var executionArn = await Executions.StartAsync(server, TestModels.StateMachineArn("parent"), """{"n":21}""");
        var result = await Executions.FinishedAsync(server, executionArn);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(result["output"]!.GetValue<string>())!["doubled"]!.GetValue<int>(), Is.EqualTo(42));
        var children = await server.CallOkAsync("AWSStepFunctions.ListExecutions", new JsonObject { ["stateMachineArn"] = TestModels.StateMachineArn("child") });
        Assert.That(children["executions"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StopExecution_AbortsAWaitingExecution()
    {
        var functions = new FakeFunctionInvoker().Returns("request-approval", "{}");
        await using var server = await LocalServicesServer.StartAsync(Model(), functions, dataDirectory);
        var executionArn = await Executions.StartAsync(server, TestModels.StateMachineArn("approval"), """{"jobId":"job-3"}""");
        await Eventually.Until(() => !functions.Calls.IsEmpty, WorkDeadline.Value, "the approval request is sent");

        var stopped = await server.CallOkAsync("AWSStepFunctions.StopExecution", new JsonObject { ["executionArn"] = executionArn, ["error"] = "Cancelled" });
        var result = await Executions.DescribeAsync(server, executionArn);

        Assert.That(stopped["stopDate"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("ABORTED"));
    }
}
