using System.Text.Json.Nodes;
using Workflow.Local.Template;

namespace Workflow.Local.Tests.Template;

public sealed class TopicTemplateTests
{
    private const string App = """
        AWSTemplateFormatVersion: '2010-09-09'
        Parameters:
          Email: { Type: String, Default: "" }
        Conditions:
          HasEmail: !Not [!Equals [!Ref Email, ""]]
        Resources:
          Bus:
            Type: AWS::Events::EventBus
            Properties: { Name: jobs }
          Alerts:
            Type: AWS::SNS::Topic
            Properties:
              DisplayName: alerts
              Subscription:
                - { Protocol: email, Endpoint: ops@example.com }
          AlertsEmail:
            Type: AWS::SNS::Subscription
            Condition: HasEmail
            Properties: { TopicArn: !Ref Alerts, Protocol: email, Endpoint: !Ref Email }
          Outcomes:
            Type: AWS::SNS::Topic
          OutcomesForAlice:
            Type: AWS::SNS::Subscription
            Properties:
              TopicArn: !GetAtt Outcomes.TopicArn
              Protocol: email
              Endpoint: alice@example.com
              FilterPolicyScope: MessageBody
              FilterPolicy: { requester: [alice@example.com] }
          OutcomesAsText:
            Type: AWS::SNS::Subscription
            Properties:
              TopicArn: !Ref Outcomes
              Protocol: email-json
              Endpoint: audit@example.com
              FilterPolicy: '{"status":["FAILED"]}'
          ToTopic:
            Type: AWS::Events::Rule
            Properties:
              EventBusName: !Ref Bus
              EventPattern: { detail-type: [JobFailed] }
              Targets:
                - Id: outcomes
                  Arn: !Ref Outcomes
                  InputTransformer:
                    InputPathsMap: { job: $.detail.jobId }
                    InputTemplate: '"Job <job> failed"'
        """;

    [Test]
    public void Topics_CollectInlineAndSeparateSubscriptions_WithTheirConditions()
    {
        using var files = new TemplateFiles();

        var without = files.Load(App).Topics.Single(t => t.LogicalId == "Alerts");
        var with = files.Load(App, new Dictionary<string, string> { ["Email"] = "lead@example.com" }).Topics.Single(t => t.LogicalId == "Alerts");

        Assert.Multiple(() =>
        {
            Assert.That(without.Arn, Is.EqualTo("arn:aws:sns:us-east-1:123456789012:demo-Alerts"));
            Assert.That(without.DisplayName, Is.EqualTo("alerts"));
            Assert.That(without.Subscriptions.Select(s => s.Endpoint), Is.EqualTo(new[] { "ops@example.com" }));
            Assert.That(with.Subscriptions.Select(s => s.Endpoint), Is.EqualTo(new[] { "ops@example.com", "lead@example.com" }));
        });
    }

    [Test]
    public void FilterPolicies_WrittenAsMappingOrText_AreKeptAsJsonWithTheirScope()
    {
        using var files = new TemplateFiles();

        var outcomes = files.Load(App).Topics.Single(t => t.LogicalId == "Outcomes");

        var alice = outcomes.Subscriptions.Single(s => s.LogicalId == "OutcomesForAlice");
        var audit = outcomes.Subscriptions.Single(s => s.LogicalId == "OutcomesAsText");
        Assert.Multiple(() =>
        {
            Assert.That(alice.FilterPolicyScope, Is.EqualTo(FilterPolicyScope.MessageBody));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(alice.FilterPolicyJson!), JsonNode.Parse("""{"requester":["alice@example.com"]}""")), Is.True);
            Assert.That(audit.Protocol, Is.EqualTo("email-json"));
            Assert.That(audit.FilterPolicyScope, Is.EqualTo(FilterPolicyScope.MessageAttributes));
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(audit.FilterPolicyJson!), JsonNode.Parse("""{"status":["FAILED"]}""")), Is.True);
        });
    }

    [Test]
    public void RuleTarget_NamingATopic_IsATopicTarget()
    {
        using var files = new TemplateFiles();

        var model = files.Load(App);

        var target = model.Rules.Single(r => r.LogicalId == "ToTopic").Targets.Single();
        Assert.Multiple(() =>
        {
            Assert.That(target.Kind, Is.EqualTo(EventTargetKind.Topic));
            Assert.That(target.Arn, Is.EqualTo(model.Topics.Single(t => t.LogicalId == "Outcomes").Arn));
            Assert.That(target.InputTransformer!.InputTemplate, Is.EqualTo("\"Job <job> failed\""));
        });
    }

    [Test]
    public void FilterPolicyScope_Unknown_IsATemplateError()
    {
        using var files = new TemplateFiles();
        var template = App.Replace("FilterPolicyScope: MessageBody", "FilterPolicyScope: Headers", StringComparison.Ordinal);

        var error = Assert.Throws<TemplateException>(() => files.Load(template));

        Assert.That(error!.Message, Does.Contain("FilterPolicyScope 'Headers'"));
    }
}
