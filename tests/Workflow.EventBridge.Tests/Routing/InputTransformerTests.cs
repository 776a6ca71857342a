using System.Text.Json.Nodes;

namespace Workflow.EventBridge.Tests.Routing;

public class InputTransformerTests
{
    // The EC2 example event from the AWS input transformation documentation.
    private const string Ec2Event = """
        {"version":"0","id":"7bf73129-1428-4cd3-a780-95db273d1602","detail-type":"EC2 Instance State-change Notification",
         "source":"aws.ec2","account":"123456789012","time":"2015-11-11T21:29:54Z","region":"us-east-1",
         "resources":["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
         "detail":{"instance-id":"i-0123456789","state":"RUNNING"}}
        """;

    private static readonly DateTimeOffset Ingestion = new(2015, 11, 11, 21, 29, 55, TimeSpan.Zero);

    private static string Apply(string template, Dictionary<string, string>? paths = null) =>
        new InputTransformer(paths ?? new Dictionary<string, string>
        {
            ["instance"] = "$.detail.instance-id",
            ["state"] = "$.detail.state",
        }, template).Apply(Ec2Event, "my-rule", "arn:aws:events:us-east-1:123456789012:rule/my-rule", Ingestion);

    [Test]
    public void StringTemplate_InsertsPlainText() =>
        Assert.That(Apply("\"instance <instance> is in <state>\""), Is.EqualTo("\"instance i-0123456789 is in RUNNING\""));

    [Test]
    public void JsonTemplate_QuotesStringsOutsideQuotes() =>
        Assert.That(JsonNode.Parse(Apply("""{"instance": <instance>, "state": [9, <state>]}"""))!.ToJsonString(),
            Is.EqualTo("""{"instance":"i-0123456789","state":[9,"RUNNING"]}"""));

    [Test]
    public void JsonTemplate_InsideQuotes_InsertsEscapedText() =>
        Assert.That(JsonNode.Parse(Apply("""{"myStatus": "<instance> is in state \"<state>\""}"""))!["myStatus"]!.GetValue<string>(),
            Is.EqualTo("i-0123456789 is in state \"RUNNING\""));

    [Test]
    public void PredefinedVariables_AreAvailable()
    {
        var output = JsonNode.Parse(Apply(
            """{"rule": <aws.events.rule-name>, "arn": "<aws.events.rule-arn>", "at": <aws.events.event.ingestion-time>, "e": <aws.events.event>, "full": <aws.events.event.json>}"""))!;
        Assert.Multiple(() =>
        {
            Assert.That(output["rule"]!.GetValue<string>(), Is.EqualTo("my-rule"));
            Assert.That(output["arn"]!.GetValue<string>(), Is.EqualTo("arn:aws:events:us-east-1:123456789012:rule/my-rule"));
            Assert.That(output["at"]!.GetValue<string>(), Is.EqualTo("2015-11-11T21:29:55Z"));
            Assert.That(output["e"]!["source"]!.GetValue<string>(), Is.EqualTo("aws.ec2"));
            Assert.That(output["e"]!["detail"], Is.Null);
            Assert.That(output["full"]!["detail"]!["state"]!.GetValue<string>(), Is.EqualTo("RUNNING"));
        });
    }

    [Test]
    public void ObjectsAndMissingPaths_AreInsertedAsJson()
    {
        var output = JsonNode.Parse(Apply("""{"d": <detail>, "missing": <nope>, "res": <res>}""",
            new Dictionary<string, string> { ["detail"] = "$.detail", ["nope"] = "$.detail.nope", ["res"] = "$.resources[0]" }))!;
        Assert.Multiple(() =>
        {
            Assert.That(output["d"]!["instance-id"]!.GetValue<string>(), Is.EqualTo("i-0123456789"));
            Assert.That(output["missing"], Is.Null);
            Assert.That(output["res"]!.GetValue<string>(), Is.EqualTo("arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"));
        });
    }

    [Test]
    public void UnknownPlaceholder_IsLeftAsText() =>
        Assert.That(Apply("<b>bold</b> <state>"), Is.EqualTo("<b>bold</b> RUNNING"));

    [Test]
    public void ReservedVariableName_IsRejected() =>
        Assert.Throws<EventBridgeException>(() =>
            new InputTransformer(new Dictionary<string, string> { ["aws.events.rule-name"] = "$.id" }, "<x>").Validate());

    [Test]
    public void PlaceholderAsJsonKey_IsRejected() =>
        Assert.Throws<EventBridgeException>(() =>
            new InputTransformer(new Dictionary<string, string> { ["k"] = "$.id" }, """{<k>: 1}""").Validate());

    [Test]
    public void InputPath_SelectsPartOfEvent()
    {
        var rule = new EventRule { Name = "r", Arn = "arn" };
        var target = new RuleTarget { Id = "t", Arn = "arn:t", InputPath = "$.detail" };
        Assert.That(JsonNode.Parse(TargetInput.Build(target, Ec2Event, rule, Ingestion))!["state"]!.GetValue<string>(), Is.EqualTo("RUNNING"));
    }

    [Test]
    public void ConstantInput_IsSentUnchanged()
    {
        var rule = new EventRule { Name = "r", Arn = "arn" };
        var target = new RuleTarget { Id = "t", Arn = "arn:t", Input = """{"fixed":true}""" };
        Assert.That(TargetInput.Build(target, Ec2Event, rule, Ingestion), Is.EqualTo("""{"fixed":true}"""));
    }

    [Test]
    public void TwoInputKinds_AreRejected() =>
        Assert.Throws<EventBridgeException>(() =>
            TargetInput.Validate(new RuleTarget { Id = "t", Arn = "arn:t", Input = "{}", InputPath = "$.detail" }));
}
