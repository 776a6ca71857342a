using Workflow.Local.StepFunctions.Mocks;

namespace Workflow.Local.Tests.StepFunctions;

public sealed class MockConfigurationParserTests
{
    private const string Documented = """
        {
          "StateMachines": {
            "LambdaSQSIntegration": {
              "TestCases": {
                "HappyPath": { "LambdaState": "MockedLambdaSuccess" },
                "RetryPath": { "LambdaState": "MockedLambdaRetry" }
              }
            }
          },
          "MockedResponses": {
            "MockedLambdaSuccess": { "0": { "Return": { "StatusCode": 200, "Payload": { "body": "Hello" } } } },
            "MockedLambdaRetry": {
              "0": { "Throw": { "Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready." } },
              "1-2": { "Throw": { "Error": "Lambda.TimeoutException", "Cause": "Lambda timed out." } },
              "3": { "Return": { "StatusCode": 200, "Payload": { "body": "Hello" } } }
            }
          }
        }
        """;

    [Test]
    public void Parse_DocumentedExample_FindsTheMockedStateOfATestCase()
    {
        var config = MockConfigurationParser.Parse(Documented, "mock.json", null);

        var sequence = config.Find("LambdaSQSIntegration", "HappyPath", "LambdaState");

        Assert.That(sequence, Is.Not.Null);
        Assert.That(sequence!.ForInvocation(0).Return!["Payload"]!["body"]!.GetValue<string>(), Is.EqualTo("Hello"));
        Assert.That(config.Find("LambdaSQSIntegration", "HappyPath", "SQSState"), Is.Null);
    }

    [Test]
    public void ForInvocation_PicksTheResponseWhoseRangeHoldsTheIndex()
    {
        var sequence = MockConfigurationParser.Parse(Documented, "mock.json", null).Find("LambdaSQSIntegration", "RetryPath", "LambdaState")!;

        Assert.That(sequence.ForInvocation(0).Error, Is.EqualTo("Lambda.ResourceNotReadyException"));
        Assert.That(sequence.ForInvocation(1).Error, Is.EqualTo("Lambda.TimeoutException"));
        Assert.That(sequence.ForInvocation(2).Cause, Is.EqualTo("Lambda timed out."));
        Assert.That(sequence.ForInvocation(3).IsThrow, Is.False);
        Assert.That(sequence.ForInvocation(9).IsThrow, Is.False);
    }

    [Test]
    public void Parse_UnknownResponseName_NamesTheMember()
    {
        var error = Assert.Throws<MockConfigurationException>(() => MockConfigurationParser.Parse("""
            {"StateMachines":{"M":{"TestCases":{"T":{"S":"Missing"}}}},"MockedResponses":{}}
            """, "mock.json", null));

        Assert.That(error!.Message, Does.Contain("mock.json: StateMachines.M.TestCases.T.S").And.Contain("Missing"));
    }

    [Test]
    public void Parse_ResponseWithBothReturnAndThrow_IsRejected()
    {
        var error = Assert.Throws<MockConfigurationException>(() => MockConfigurationParser.Parse("""
            {"MockedResponses":{"R":{"0":{"Return":1,"Throw":{"Error":"E"}}}}}
            """, "mock.json", null));

        Assert.That(error!.Message, Does.Contain("MockedResponses.R.0").And.Contain("exactly one of Return or Throw"));
    }

    [Test]
    public void Parse_GapInInvocationIndexes_IsRejected()
    {
        var error = Assert.Throws<MockConfigurationException>(() => MockConfigurationParser.Parse("""
            {"MockedResponses":{"R":{"0":{"Return":1},"2":{"Return":2}}}}
            """, "mock.json", null));

        Assert.That(error!.Message, Does.Contain("1 is missing"));
    }

    [Test]
    public void Parse_DefaultTestCaseThatNoMachineDefines_IsRejected()
    {
        var error = Assert.Throws<MockConfigurationException>(() => MockConfigurationParser.Parse(Documented, "mock.json", "NoSuchCase"));

        Assert.That(error!.Message, Does.Contain("NoSuchCase"));
    }

    [Test]
    public void Parse_InvalidJson_ReportsFileAndLine()
    {
        var error = Assert.Throws<MockConfigurationException>(() => MockConfigurationParser.Parse("{\n  \"StateMachines\": [,\n}", "mock.json", null));

        Assert.That(error!.Message, Does.StartWith("mock.json: line 2:"));
    }
}
