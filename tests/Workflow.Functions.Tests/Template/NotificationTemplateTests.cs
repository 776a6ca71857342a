using System.Text.Json.Nodes;
using Workflow.Domain;

namespace Workflow.Functions.Tests.Template;

/// <summary>Approver and requester notifications: rules, topics, their policies and the bounded subscriptions.</summary>
public class NotificationTemplateTests
{
    private const int MaxSubscriptions = 5;
    private static readonly SamTemplate Template = SamTemplate.Repository;

    private static readonly string[] ApproverRules = ["ApprovalRequestedRule", "ApprovalReminderRule"];
    private static readonly string[] RequesterRules = ["RequestApprovedRule", "RequestRejectedRule", "RequestFailedRule", "RequestCompletedRule"];

    private static JsonObject Properties(string logicalId) => SamTemplate.PropertiesOf(Template.Resource(logicalId));

    private static JsonObject TargetOf(string rule) => Properties(rule)["Targets"]!.AsArray().Single()!.AsObject();

    private static JsonArray SubTemplate(JsonObject target) => target["InputTransformer"]!["InputTemplate"]!["Fn::Sub"]!.AsArray();

    /// <summary>The detail of an event as the domain publishes it, for a job waiting for approval.</summary>
    private static JsonObject PublishedDetail(JobEvent published) => JsonNode.Parse(published.DetailJson)!.AsObject();

    private static JobRecord WaitingJob() => new()
    {
        Id = "job-1",
        Type = JobTypes.PurchaseRequest,
        ClientId = "client-a",
        Status = JobStatus.AwaitingApproval,
        InputJson = """{"requester":"Alice","vendor":"Acme","costCentre":"CC-1","currency":"EUR","lines":[]}""",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        RequesterEmail = "alice@example.com",
        DecisionJson = """{"total":1200,"currency":"EUR","reasons":["over threshold"]}""",
        ApprovalRequestedAt = DateTimeOffset.UnixEpoch,
        ApprovalDueAt = DateTimeOffset.UnixEpoch.AddDays(1),
    };

    [TestCase("ApprovalRequestedRule", JobEvent.ApprovalRequested)]
    [TestCase("ApprovalReminderRule", JobEvent.ApprovalReminder)]
    public void ApproverRule_SendsAReadableMessageWithEveryEssentialAndTheConsoleLink(string rule, string detailType)
    {
        var properties = Properties(rule);
        var target = TargetOf(rule);
        var paths = target["InputTransformer"]!["InputPathsMap"]!.AsObject();
        var sub = SubTemplate(target);
        var text = (string)sub[0]!;
        var detail = PublishedDetail(detailType == JobEvent.ApprovalRequested
            ? JobEvents.ApprovalRequested(WaitingJob(), WaitingJob().DecisionJson, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1))
            : JobEvents.ApprovalReminder(WaitingJob(), DateTimeOffset.UnixEpoch.AddHours(20)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(properties["EventPattern"], new JsonObject
            {
                ["source"] = new JsonArray("workflow.jobs"),
                ["detail-type"] = new JsonArray(detailType),
            }), Is.True, properties["EventPattern"]?.ToJsonString());
            Assert.That(SamTemplate.ReferencedLogicalId(properties["EventBusName"]), Is.EqualTo("EventBus"));
            Assert.That(SamTemplate.ReferencedLogicalId(target["Arn"]), Is.EqualTo("ApprovalNotificationTopic"));
            Assert.That(paths.Select(p => p.Key), Is.SupersetOf(new[] { "jobId", "requester", "requesterEmail", "vendor", "total", "currency", "costCentre", "dueAt" }));
            foreach (var (name, path) in paths)
            {
                Assert.That(detail.ContainsKey(((string)path!)["$.detail.".Length..]), Is.True, $"{name}: {path} is not in the published {detailType}");
                Assert.That(text, Does.Contain($"<{name}>"), $"{name} is read but not shown");
            }

            Assert.That(text, Does.StartWith("\"").And.EndWith("\""), "a plain-text input template must be quoted");
            Assert.That(text, Does.Contain("${ConsoleUrl}#/requests/<jobId>"));
            Assert.That(sub[1]!["ConsoleUrl"]!["Fn::Sub"]!.GetValue<string>(), Does.EndWith(".execute-api.${AWS::Region}.${AWS::URLSuffix}/console/"));
        }
    }

    [Test]
    public void RequesterRules_CoverApprovedRejectedFailedAndCompleted()
    {
        var patterns = RequesterRules.Select(r => Properties(r)["EventPattern"]!.ToJsonString()).ToList();

        Assert.That(patterns, Is.EquivalentTo(new[]
        {
            """{"source":["workflow.jobs"],"detail-type":["ApprovalDecided"],"detail":{"status":["APPROVED"]}}""",
            """{"source":["workflow.jobs"],"detail-type":["JobCompleted"],"detail":{"status":["REJECTED"]}}""",
            """{"source":["workflow.jobs"],"detail-type":["JobFailed"]}""",
            """{"source":["workflow.jobs"],"detail-type":["JobCompleted"],"detail":{"status":["SUCCEEDED"]}}""",
        }));
    }

    [TestCaseSource(nameof(RequesterRules))]
    public void RequesterRule_SendsJsonNamingTheRequesterForTheFilterPolicies(string rule)
    {
        var target = TargetOf(rule);
        var paths = target["InputTransformer"]!["InputPathsMap"]!.AsObject();
        // Filled in as EventBridge does (a string variable as a JSON string outside quotes, as text inside them), the
        // template must be JSON with the requester's e-mail on top.
        var text = (string)SubTemplate(target)[0]!;
        var sample = paths.Aggregate(text, (current, p) =>
        {
            var value = p.Key == "requesterEmail" ? "alice@example.com" : "sample";
            return current.Replace($": <{p.Key}>", $": \"{value}\"", StringComparison.Ordinal).Replace($"<{p.Key}>", value, StringComparison.Ordinal);
        }).Replace("${ConsoleUrl}", "https://console.example/", StringComparison.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(SamTemplate.ReferencedLogicalId(target["Arn"]), Is.EqualTo("RequesterNotificationTopic"));
            Assert.That((string?)paths["requesterEmail"], Is.EqualTo("$.detail.requesterEmail"));
            Assert.That(text, Does.Contain("\"requester\": <requesterEmail>"));
            Assert.That(text, Does.Contain("${ConsoleUrl}#/requests/<jobId>"));
            Assert.That((string?)JsonNode.Parse(sample)!["requester"], Is.EqualTo("alice@example.com"), sample);
        }
    }

    [Test]
    public void StateMachineEvents_AndApprovalDecided_CarryTheRequesterEmail()
    {
        var definition = StateMachineDefinition.ParseRepositoryWithSamples();
        var publishers = StateMachineDefinition.AllStates(definition)
            .Where(s => (string?)s.State["Resource"] == "arn:aws:states:::events:putEvents")
            .Select(s => (s.Name, Detail: s.State["Parameters"]!["Entries"]![0]!["Detail"]!.AsObject()))
            .ToList();
        var claim = StateMachineDefinition.AllStates(definition).Single(s => s.Name == "ClaimJob").State;
        var decided = PublishedDetail(JobEvents.ApprovalDecided(WaitingJob(), new ApprovalRecord(ApprovalRecord.Approved, "boss", DateTimeOffset.UnixEpoch, null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(publishers, Has.Count.EqualTo(4));
            foreach (var (name, detail) in publishers)
            {
                Assert.That((string?)detail["requesterEmail.$"], Is.EqualTo("$.job.requesterEmail"), name);
            }

            Assert.That((string?)claim["ResultSelector"]!["requesterEmail.$"], Is.EqualTo("$.Attributes.requesterEmail.S"));
            Assert.That((string?)claim["Parameters"]!["UpdateExpression"], Does.Contain("requesterEmail = if_not_exists(requesterEmail, :noEmail)"),
                "a job without an e-mail must still give every event the member, or the JSONPath would fail the execution");
            Assert.That((string?)decided["requesterEmail"], Is.EqualTo("alice@example.com"));
            Assert.That((string?)decided["status"], Is.EqualTo("APPROVED"));
        }
    }

    [Test]
    public void RequestApproval_ReceivesTheApprovalTimeout_SoTheJobKnowsItsDueTime()
    {
        var definition = StateMachineDefinition.ParseRepositoryWithSamples();
        var state = StateMachineDefinition.AllStates(definition).Single(s => s.Name == "RequestApproval").State;

        Assert.That((string?)state["Parameters"]!["Payload"]!["approvalTimeoutSeconds.$"], Is.EqualTo((string?)state["TimeoutSecondsPath"]));
    }

    [TestCase("ApprovalNotificationTopic", "ApprovalNotificationTopicPolicy")]
    [TestCase("RequesterNotificationTopic", "RequesterNotificationTopicPolicy")]
    public void TopicPolicy_LetsExactlyTheRulesTargetingTheTopicPublish(string topic, string policy)
    {
        var properties = Properties(policy);
        var statement = properties["PolicyDocument"]!["Statement"]!.AsArray().Single()!;
        var sources = statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.AsArray().Select(SamTemplate.ReferencedLogicalId);
        var targeting = Template.ResourcesOfType("AWS::Events::Rule")
            .Where(r => SamTemplate.PropertiesOf(r.Resource)["Targets"]!.AsArray().Any(t => SamTemplate.ReferencedLogicalId(t!["Arn"]) == topic))
            .Select(r => r.LogicalId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(properties["Topics"]!.AsArray().Select(SamTemplate.ReferencedLogicalId), Is.EqualTo(new[] { topic }));
            Assert.That((string?)statement["Principal"]!["Service"], Is.EqualTo("events.amazonaws.com"));
            Assert.That((string?)statement["Action"], Is.EqualTo("sns:Publish"));
            Assert.That(SamTemplate.ReferencedLogicalId(statement["Resource"]), Is.EqualTo(topic));
            Assert.That(sources, Is.EquivalentTo(targeting));
        }
    }

    [TestCase("ApprovalNotificationTopic")]
    [TestCase("RequesterNotificationTopic")]
    public void NotificationTopic_IsNotEncryptedWithTheAwsManagedKey_WhichEventBridgeCannotUse(string topic) =>
        Assert.That(Properties(topic)["KmsMasterKeyId"]?.ToJsonString() ?? "", Does.Not.Contain("alias/aws/sns"));

    [TestCase("Approver", "ApproverEmails", "ApprovalNotificationTopic")]
    [TestCase("Requester", "RequesterEmails", "RequesterNotificationTopic")]
    public void Subscriptions_OnePerListEntry_UpToTheBoundTheParameterAllows(string kind, string parameter, string topic)
    {
        var pattern = new System.Text.RegularExpressions.Regex((string)Template.Root["Parameters"]![parameter]!["AllowedPattern"]!);
        var subscriptions = Template.ResourcesOfType("AWS::SNS::Subscription").Where(s => s.LogicalId.StartsWith(kind, StringComparison.Ordinal)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pattern.IsMatch(""), Is.True, "empty = no subscription");
            Assert.That(pattern.IsMatch(string.Join(",", Enumerable.Range(1, MaxSubscriptions).Select(i => $"p{i}@example.com"))), Is.True);
            Assert.That(pattern.IsMatch(string.Join(",", Enumerable.Range(1, MaxSubscriptions + 1).Select(i => $"p{i}@example.com"))), Is.False,
                "more addresses than subscriptions would be silently ignored");
            Assert.That(subscriptions, Has.Count.EqualTo(MaxSubscriptions));
            for (var i = 0; i < MaxSubscriptions; i++)
            {
                var (logicalId, resource) = subscriptions.Single(s => s.LogicalId == $"{kind}Subscription{i + 1}");
                var properties = SamTemplate.PropertiesOf(resource);
                var condition = Template.Root["Conditions"]![(string)resource["Condition"]!]!.ToJsonString();
                Assert.That(SamTemplate.ReferencedLogicalId(properties["TopicArn"]), Is.EqualTo(topic), logicalId);
                Assert.That((string?)properties["Protocol"], Is.EqualTo("email"), logicalId);
                Assert.That((long)properties["Endpoint"]!["Fn::Select"]![0]!, Is.EqualTo(i), logicalId);
                Assert.That(condition, Does.Contain($"{{\"Fn::Select\":[{i},"), logicalId);
                if (kind == "Requester")
                {
                    Assert.That((string?)properties["FilterPolicyScope"], Is.EqualTo("MessageBody"), logicalId);
                    Assert.That(JsonNode.DeepEquals(properties["FilterPolicy"]!["requester"]![0], properties["Endpoint"]), Is.True,
                        $"{logicalId} must receive only its own requests");
                }
            }
        }
    }

    [Test]
    public void DecideApprovalFunction_MayPublishApprovalDecided()
    {
        var policies = Template.FunctionProperty("DecideApprovalFunction", "Policies")!.AsArray();

        Assert.That(policies.Any(p => p is JsonObject o && o.ContainsKey("EventBridgePutEventsPolicy")), Is.True);
    }
}
