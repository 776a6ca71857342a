using System.Text.Json.Nodes;

namespace Workflow.Local.Tests.StepFunctions;

/// <summary><c>--mock-test-case</c>: the test case applies to every execution started without <c>#TestCase</c>.</summary>
public sealed class DefaultMockTestCaseTests
{
    private const string Definition = """
        {"StartAt":"Check","States":{"Check":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:check","End":true}}}
        """;

    private const string MockConfig = """
        {"StateMachines":{"checker":{"TestCases":{"Rejected":{"Check":"CheckRejects"}}}},
         "MockedResponses":{"CheckRejects":{"0":{"Throw":{"Error":"BusinessRuleException","Cause":"rejected by mock"}}}}}
        """;

    [Test]
    public async Task DefaultTestCase_AppliesWithoutASuffixOnTheArn()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("sfn-default-case-").FullName;
        try
        {
            var mockPath = Path.Combine(dataDirectory, "mocks.json");
            await File.WriteAllTextAsync(mockPath, MockConfig);
            var functions = new FakeFunctionInvoker().Returns("check", """{"ok":true}""");
            var model = TestModels.Create(dataDirectory, [TestModels.StateMachine("checker", Definition)]);
            await using var server = await LocalServicesServer.StartAsync(model, functions, dataDirectory, mockConfigPath: mockPath, mockTestCase: "Rejected");

            var arn = await Executions.StartAsync(server, TestModels.StateMachineArn("checker"), """{"jobId":"j-1"}""");
            var result = await Executions.FinishedAsync(server, arn);

            Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("FAILED"));
            Assert.That(result["error"]!.GetValue<string>(), Is.EqualTo("BusinessRuleException"));
            Assert.That(result["cause"]!.GetValue<string>(), Is.EqualTo("rejected by mock"));
            Assert.That(functions.Calls, Is.Empty);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Test]
    public void UnreadableMockConfig_FailsTheStartWithTheFileName()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("sfn-bad-mock-").FullName;
        try
        {
            var model = TestModels.Create(dataDirectory, [TestModels.StateMachine("checker", Definition)]);
            var missing = Path.Combine(dataDirectory, "missing.json");

            var error = Assert.CatchAsync(async () =>
                await (await LocalServicesServer.StartAsync(model, new FakeFunctionInvoker(), dataDirectory, mockConfigPath: missing)).DisposeAsync());

            Assert.That(error!.ToString(), Does.Contain("missing.json"));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
