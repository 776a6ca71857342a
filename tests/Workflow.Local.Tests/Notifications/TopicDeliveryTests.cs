using System.Net;
using System.Text.Json.Nodes;
using Workflow.Local.Notifications;
using Workflow.Local.Template;
using Workflow.Local.Tests.EventBridgeService;
using Workflow.Local.Tests.StepFunctions;
using Workflow.Testing;

namespace Workflow.Local.Tests.Notifications;

/// <summary>EventBridge rules targeting SNS topics on the local services, and the e-mail outbox they fill.</summary>
public sealed class TopicDeliveryTests
{
    private const string ApproversArn = "arn:aws:sns:us-east-1:123456789012:approvers";
    private const string OutcomesArn = "arn:aws:sns:us-east-1:123456789012:outcomes";

    private string dataDirectory = null!;
    private LocalServicesServer server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        dataDirectory = Directory.CreateTempSubdirectory("sns-").FullName;
        var topics = new List<TopicModel>
        {
            new("Approvers", "approvers", ApproversArn, null,
            [
                new SubscriptionModel("Ann", "email", "ann@example.com", null, FilterPolicyScope.MessageAttributes, false),
                new SubscriptionModel("Audit", "email-json", "audit@example.com", null, FilterPolicyScope.MessageAttributes, false),
                new SubscriptionModel("Hook", "https", "https://hooks.example.com/", null, FilterPolicyScope.MessageAttributes, false),
            ]),
            new("Outcomes", "outcomes", OutcomesArn, null,
            [
                new SubscriptionModel("Alice", "email", "alice@example.com", """{"requester":["alice@example.com"]}""", FilterPolicyScope.MessageBody, false),
                new SubscriptionModel("Bob", "email", "bob@example.com", """{"requester":["bob@example.com"]}""", FilterPolicyScope.MessageBody, false),
                new SubscriptionModel("ByAttribute", "email", "attr@example.com", """{"requester":["alice@example.com"]}""", FilterPolicyScope.MessageAttributes, false),
            ]),
        };
        var rules = new List<EventRuleModel>
        {
            new("ApprovalRule", "approval-requested", "arn:aws:events:us-east-1:123456789012:rule/jobs/approval-requested", EventRuleOrigin.EventsRule,
                "jobs", """{"detail-type":["ApprovalRequested"]}""", null, null, "ENABLED",
                [new EventTargetModel("approvers", ApproversArn, EventTargetKind.Topic, null, null,
                    new InputTransformerModel(new Dictionary<string, string> { ["job"] = "$.detail.jobId", ["vendor"] = "$.detail.vendor" },
                        "\"Request <job> from <vendor> waits for you.\""), null, null)]),
            new("OutcomeRule", "job-completed", "arn:aws:events:us-east-1:123456789012:rule/jobs/job-completed", EventRuleOrigin.EventsRule,
                "jobs", """{"detail-type":["JobCompleted"]}""", null, null, "ENABLED",
                [new EventTargetModel("outcomes", OutcomesArn, EventTargetKind.Topic, null, null,
                    new InputTransformerModel(new Dictionary<string, string> { ["job"] = "$.detail.jobId", ["requester"] = "$.detail.requesterEmail" },
                        """{"requester":<requester>,"jobId":<job>,"message":"Your request <job> is complete."}"""), null, null)]),
            new("MissingTopicRule", "missing-topic", "arn:aws:events:us-east-1:123456789012:rule/jobs/missing-topic", EventRuleOrigin.EventsRule,
                "jobs", """{"detail-type":["Nowhere"]}""", null, null, "ENABLED",
                [new EventTargetModel("nowhere", "arn:aws:sns:us-east-1:123456789012:nowhere", EventTargetKind.Topic, null, null, null,
                    new RetryPolicyModel(0, 60), new DeadLetterConfigModel("arn:aws:sqs:us-east-1:123456789012:sns-dlq", null))]),
        };
        server = await LocalServicesServer.StartAsync(TestModels.Create(dataDirectory, rules: rules, topics: topics), new FakeFunctionInvoker(), dataDirectory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await server.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private async Task PutAsync(string detailType, JsonObject detail)
    {
        var entry = new JsonObject { ["EventBusName"] = "jobs", ["Source"] = "workflow.jobs", ["DetailType"] = detailType, ["Detail"] = detail.ToJsonString() };
        var response = await server.CallOkAsync("AWSEvents.PutEvents", new JsonObject { ["Entries"] = new JsonArray(entry) });
        Assert.That(response["FailedEntryCount"]!.GetValue<int>(), Is.EqualTo(0));
        await server.Services.GetRequiredServiceOf<Local.EventBridgeService.EventBridgeRuntime>().Router.WhenIdleAsync();
    }

    private async Task<JsonArray> OutboxAsync()
    {
        using var response = await server.Http.GetAsync(new Uri("/_local/notifications", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private async Task<List<JsonNode>> MailsAboutAsync(string marker) =>
        [.. (await OutboxAsync()).Where(n => n!["body"]!.GetValue<string>().Contains(marker, StringComparison.Ordinal)).Select(n => n!)];

    [Test]
    public async Task RuleWithTopicTarget_WritesTheTransformedMessageToEveryEmailSubscriber()
    {
        await PutAsync("ApprovalRequested", new JsonObject { ["jobId"] = "job-a1", ["vendor"] = "<b>Acme</b>" });

        var mails = await MailsAboutAsync("job-a1");

        var ann = mails.Single(m => m["endpoint"]!.GetValue<string>() == "ann@example.com");
        Assert.Multiple(() =>
        {
            Assert.That(mails.Select(m => m["endpoint"]!.GetValue<string>()), Is.EquivalentTo(new[] { "ann@example.com", "audit@example.com" }));
            Assert.That(ann["topic"]!.GetValue<string>(), Is.EqualTo("approvers"));
            Assert.That(ann["subject"]!.GetValue<string>(), Is.EqualTo(LocalTopics.DefaultEmailSubject));
            Assert.That(ann["body"]!.GetValue<string>(), Is.EqualTo("\"Request job-a1 from <b>Acme</b> waits for you.\""));
            Assert.That(DateTimeOffset.Parse(ann["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
        });
    }

    [Test]
    public async Task EmailJsonSubscriber_ReceivesTheSnsEnvelope()
    {
        await PutAsync("ApprovalRequested", new JsonObject { ["jobId"] = "job-a2", ["vendor"] = "Acme" });

        var audit = (await MailsAboutAsync("job-a2")).Single(m => m["endpoint"]!.GetValue<string>() == "audit@example.com");

        var envelope = JsonNode.Parse(audit["body"]!.GetValue<string>())!;
        Assert.Multiple(() =>
        {
            Assert.That(envelope["Type"]!.GetValue<string>(), Is.EqualTo("Notification"));
            Assert.That(envelope["TopicArn"]!.GetValue<string>(), Is.EqualTo(ApproversArn));
            Assert.That(envelope["Message"]!.GetValue<string>(), Is.EqualTo("\"Request job-a2 from Acme waits for you.\""));
        });
    }

    [Test]
    public async Task MessageBodyFilterPolicy_DeliversOnlyToTheMatchingRequester()
    {
        await PutAsync("JobCompleted", new JsonObject { ["jobId"] = "job-b1", ["requesterEmail"] = "bob@example.com" });

        var mails = await MailsAboutAsync("job-b1");

        Assert.That(mails.Select(m => m["endpoint"]!.GetValue<string>()), Is.EqualTo(new[] { "bob@example.com" }),
            "Alice's body filter and the attribute-scope filter (the message has no attributes) reject it");
    }

    [Test]
    public async Task Outbox_ListsNewestFirst()
    {
        await PutAsync("ApprovalRequested", new JsonObject { ["jobId"] = "job-order-1", ["vendor"] = "Acme" });
        await PutAsync("ApprovalRequested", new JsonObject { ["jobId"] = "job-order-2", ["vendor"] = "Acme" });

        var bodies = (await OutboxAsync()).Select(n => n!["body"]!.GetValue<string>()).ToList();

        var first = bodies.FindIndex(b => b.Contains("job-order-1", StringComparison.Ordinal));
        var second = bodies.FindIndex(b => b.Contains("job-order-2", StringComparison.Ordinal));
        Assert.That(second, Is.LessThan(first));
    }

    [Test]
    public async Task TopicTheTemplateDoesNotDeclare_DeadLettersTheEvent()
    {
        await PutAsync("Nowhere", new JsonObject { ["marker"] = "sns-missing-1" });

        var file = Path.Combine(dataDirectory, "queues", "sns-dlq.jsonl");
        await Eventually.Until(() => File.Exists(file) && File.ReadAllText(file).Contains("sns-missing-1", StringComparison.Ordinal),
            WorkDeadline.Value, "the undeliverable event is dead-lettered");
        var line = JsonNode.Parse(File.ReadLines(file).First(l => l.Contains("sns-missing-1", StringComparison.Ordinal)))!;
        Assert.That(line["attributes"]!["ERROR_CODE"]!.GetValue<string>(), Is.EqualTo("NotFound"));
    }

    [Test]
    public void Publish_WithMessageAttributes_MatchesAttributeScopeFilters()
    {
        var topics = server.Services.GetRequiredServiceOf<LocalTopics>();

        topics.Publish(OutcomesArn, "job-c1 by attribute", "Outcome",
            new Dictionary<string, MessageAttribute> { ["requester"] = new("String", "alice@example.com") });

        var outbox = server.Services.GetRequiredServiceOf<NotificationOutbox>().NewestFirst();
        var mail = outbox.Single(n => n.Body == "job-c1 by attribute");
        Assert.Multiple(() =>
        {
            Assert.That(mail.Endpoint, Is.EqualTo("attr@example.com"), "the body is not JSON, so body-scope filters reject it");
            Assert.That(mail.Subject, Is.EqualTo("Outcome"));
        });
    }
}
