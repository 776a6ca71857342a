using System.Text.Json.Nodes;
using Workflow.EventBridge.Tests.Support;

namespace Workflow.EventBridge.Tests.Api;

public class EventBridgeJsonApiTests
{
    private static JsonNode Ok(EventBridgeApiResponse response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(200), response.Body);
        return JsonNode.Parse(response.Body)!;
    }

    [Test]
    public async Task RuleTargetsAndPutEvents_RoundTripThroughAwsJson()
    {
        var invoker = new RecordingInvoker();
        await using var router = new EventRouter(invoker);
        var api = new EventBridgeJsonApi(router);

        var ruleArn = Ok(api.Handle("AWSEvents.PutRule", """{"Name":"paid","EventPattern":"{\"detail-type\":[\"Paid\"]}"}"""))["RuleArn"]!.GetValue<string>();
        Ok(api.Handle("PutTargets", """
            {"Rule":"paid","Targets":[{"Id":"t1","Arn":"arn:aws:lambda:us-east-1:000000000000:function:f",
              "InputTransformer":{"InputPathsMap":{"id":"$.detail.id"},"InputTemplate":"{\"orderId\": <id>}"},
              "RetryPolicy":{"MaximumRetryAttempts":3},"DeadLetterConfig":{"Arn":"arn:aws:sqs:us-east-1:000000000000:dlq"}}]}
            """));
        var put = Ok(api.Handle("PutEvents", """
            {"Entries":[{"Source":"shop","DetailType":"Paid","Detail":"{\"id\":\"o-9\"}","Time":1767225600},
                        {"Source":"shop","DetailType":"Paid","Detail":"oops"}]}
            """));
        await router.WhenIdleAsync();

        var targets = Ok(api.Handle("ListTargetsByRule", """{"Rule":"paid"}"""))["Targets"]!.AsArray();
        var rules = Ok(api.Handle("ListRules", """{"NamePrefix":"pa"}"""))["Rules"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(ruleArn, Is.EqualTo("arn:aws:events:us-east-1:000000000000:rule/paid"));
            Assert.That(put["FailedEntryCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(put["Entries"]![1]!["ErrorCode"]!.GetValue<string>(), Is.EqualTo("MalformedDetail"));
            Assert.That(invoker.Invocations.Single().Input, Is.EqualTo("""{"orderId": "o-9"}"""));
            Assert.That(JsonNode.Parse(invoker.Invocations.Single().Context.EventJson)!["time"]!.GetValue<string>(), Is.EqualTo("2026-01-01T00:00:00Z"));
            Assert.That(targets[0]!["RetryPolicy"]!["MaximumRetryAttempts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(targets[0]!["RetryPolicy"]!["MaximumEventAgeInSeconds"]!.GetValue<int>(), Is.EqualTo(86400));
            Assert.That(rules.Select(r => r!["Name"]!.GetValue<string>()), Is.EqualTo(new[] { "paid" }));
            Assert.That(rules[0]!["State"]!.GetValue<string>(), Is.EqualTo("ENABLED"));
        });
    }

    [Test]
    public async Task TestEventPattern_ReturnsResultOrAwsError()
    {
        await using var router = new EventRouter(new RecordingInvoker());
        var api = new EventBridgeJsonApi(router);
        const string Event = """{\"id\":\"1\",\"account\":\"1\",\"source\":\"s\",\"time\":\"2022-07-13T13:48:01Z\",\"region\":\"r\",\"detail-type\":\"d\"}""";
        var match = Ok(api.Handle("TestEventPattern", $$"""{"Event":"{{Event}}","EventPattern":"{\"source\":[\"s\"]}"}"""));
        var invalid = api.Handle("TestEventPattern", $$"""{"Event":"{{Event}}","EventPattern":"{\"source\":[]}"}""");
        Assert.Multiple(() =>
        {
            Assert.That(match["Result"]!.GetValue<bool>(), Is.True);
            Assert.That(invalid.StatusCode, Is.EqualTo(400));
            Assert.That(JsonNode.Parse(invalid.Body)!["__type"]!.GetValue<string>(), Is.EqualTo("InvalidEventPatternException"));
        });
    }

    [TestCase("PutEvents", "not json", "SerializationException")]
    [TestCase("PutEvents", """{"Entries":"x"}""", "SerializationException")]
    [TestCase("PutEvents", """{"Entries":[]}""", "ValidationException")]
    [TestCase("PutEvents", """{"Entries":[{"Source":"s","DetailType":"d","Detail":"{}","Time":1e20}]}""", "SerializationException")]
    [TestCase("PutEvents", """{"Entries":[{"Source":"s","DetailType":"d","Detail":"{}","Time":-1e15}]}""", "SerializationException")]
    [TestCase("DescribeRule", """{"Name":"missing"}""", "ResourceNotFoundException")]
    [TestCase("PutRule", """{"Name":"r","ScheduleExpression":"rate(1 minutes)"}""", "ValidationException")]
    [TestCase("Frobnicate", "{}", "UnknownOperationException")]
    public async Task BadRequests_Get400WithAwsErrorType(string operation, string body, string type)
    {
        await using var router = new EventRouter(new RecordingInvoker());
        var response = new EventBridgeJsonApi(router).Handle(operation, body);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(400));
            Assert.That(JsonNode.Parse(response.Body)!["__type"]!.GetValue<string>(), Is.EqualTo(type));
        });
    }
}
