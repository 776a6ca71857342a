using System.Text.Json.Nodes;

namespace Workflow.Local.Tests.StepFunctions;

public sealed class MockConfigurationTests
{
    private const string Definition = """
        {
          "StartAt": "Price",
          "States": {
            "Price": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": { "FunctionName": "price", "Payload.$": "$" },
              "ResultSelector": { "total.$": "$.Payload.total" },
              "Retry": [ { "ErrorEquals": ["Lambda.TimeoutException"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 1 } ],
              "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Failed" } ],
              "End": true
            },
            "Failed": { "Type": "Fail", "Error": "PricingFailed" }
          }
        }
        """;

    private const string ApprovalDefinition = """
        {
          "StartAt": "Approve",
          "States": {
            "Approve": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters": { "FunctionName": "request-approval", "Payload": { "token.$": "$$.Task.Token" } },
              "End": true
            }
          }
        }
        """;

    private const string MockConfig = """
        {
          "StateMachines": {
            "approval": { "TestCases": { "Approved": { "Approve": "ApprovedByMock" } } },
            "pricing": {
              "TestCases": {
                "HappyPath": { "Price": "PriceOk" },
                "RetryPath": { "Price": "PriceFlaky" },
                "ErrorPath": { "Price": "PriceBroken" }
              }
            }
          },
          "MockedResponses": {
            "PriceOk": { "0": { "Return": { "StatusCode": 200, "Payload": { "total": 99 } } } },
            "PriceFlaky": {
              "0": { "Throw": { "Error": "Lambda.TimeoutException", "Cause": "timed out" } },
              "1-2": { "Throw": { "Error": "Lambda.TimeoutException", "Cause": "timed out again" } },
              "3": { "Return": { "StatusCode": 200, "Payload": { "total": 7 } } }
            },
            "PriceBroken": { "0": { "Throw": { "Error": "BusinessRuleException", "Cause": "no price" } } },
            "ApprovedByMock": { "0": { "Return": { "approved": true, "by": "mock" } } }
          }
        }
        """;

    private string dataDirectory = null!;
    private FakeFunctionInvoker functions = null!;
    private LocalServicesServer server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        dataDirectory = Directory.CreateTempSubdirectory("sfn-mocks-").FullName;
        var mockPath = Path.Combine(dataDirectory, "MockConfigFile.json");
        await File.WriteAllTextAsync(mockPath, MockConfig);
        functions = new FakeFunctionInvoker().Returns("price", """{"total":1}""");
        var model = TestModels.Create(dataDirectory,
            [TestModels.StateMachine("pricing", Definition), TestModels.StateMachine("approval", ApprovalDefinition)]);
        server = await LocalServicesServer.StartAsync(model, functions, dataDirectory, mockConfigPath: mockPath);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await server.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task TestCaseInArn_ReturnsTheMockedResponseWithoutCallingTheFunction()
    {
        var calls = functions.Calls.Count;

        var arn = await Executions.StartAsync(server, TestModels.StateMachineArn("pricing") + "#HappyPath");
        var result = await Executions.FinishedAsync(server, arn);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(result["output"]!.GetValue<string>())!["total"]!.GetValue<int>(), Is.EqualTo(99));
        Assert.That(functions.Calls, Has.Count.EqualTo(calls));
        Assert.That(result["stateMachineArn"]!.GetValue<string>(), Is.EqualTo(TestModels.StateMachineArn("pricing")));
    }

    [Test]
    public async Task ThrowPerInvocationIndex_DrivesRetriesUntilTheReturn()
    {
        var arn = await Executions.StartAsync(server, TestModels.StateMachineArn("pricing") + "#RetryPath");
        var result = await Executions.FinishedAsync(server, arn);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(result["output"]!.GetValue<string>())!["total"]!.GetValue<int>(), Is.EqualTo(7));
        var types = await Executions.HistoryTypesAsync(server, arn);
        Assert.That(types.Count(t => t == "TaskFailed"), Is.EqualTo(3));
        Assert.That(types.Count(t => t == "TaskSucceeded"), Is.EqualTo(1));
    }

    [Test]
    public async Task MockedThrow_IsCaughtLikeARealError()
    {
        var arn = await Executions.StartAsync(server, TestModels.StateMachineArn("pricing") + "#ErrorPath");
        var result = await Executions.FinishedAsync(server, arn);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("FAILED"));
        Assert.That(result["error"]!.GetValue<string>(), Is.EqualTo("PricingFailed"));
    }

    [Test]
    public async Task WithoutTestCase_TheRealFunctionRuns()
    {
        var arn = await Executions.StartAsync(server, TestModels.StateMachineArn("pricing"));
        var result = await Executions.FinishedAsync(server, arn);

        Assert.That(JsonNode.Parse(result["output"]!.GetValue<string>())!["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task UnknownTestCase_IsRejected()
    {
        var (status, body, _) = await server.CallAsync("AWSStepFunctions.StartExecution",
            new JsonObject { ["stateMachineArn"] = TestModels.StateMachineArn("pricing") + "#Nope" }.ToJsonString());

        Assert.That((int)status, Is.EqualTo(400));
        Assert.That(body!["message"]!.GetValue<string>(), Does.Contain("Nope"));
    }

    [Test]
    public async Task MockedWaitForTaskToken_CompletesWithTheMockedResultWithoutACallback()
    {
        var calls = functions.Calls.Count;

        var arn = await Executions.StartAsync(server, TestModels.StateMachineArn("approval") + "#Approved");
        var result = await Executions.FinishedAsync(server, arn);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        Assert.That(JsonNode.Parse(result["output"]!.GetValue<string>())!["by"]!.GetValue<string>(), Is.EqualTo("mock"));
        Assert.That(functions.Calls, Has.Count.EqualTo(calls));
    }
}
