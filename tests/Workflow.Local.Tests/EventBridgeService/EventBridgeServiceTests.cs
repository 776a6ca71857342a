using System.Net;
using System.Text.Json.Nodes;
using Workflow.Local.Template;
using Workflow.Local.Tests.StepFunctions;
using Workflow.Testing;

namespace Workflow.Local.Tests.EventBridgeService;

public sealed class EventBridgeServiceTests
{
    private const string JobMachine = """
        {"StartAt":"Accept","States":{"Accept":{"Type":"Pass","End":true}}}
        """;

    private const string PublisherMachine = """
        {
          "StartAt": "Publish",
          "States": {
            "Publish": {
              "Type": "Task",
              "Resource": "arn:aws:states:::events:putEvents",
              "Parameters": { "Entries": [ { "EventBusName": "jobs", "Source": "workflow.jobs", "DetailType": "JobSubmitted",
                                              "Detail": { "jobId.$": "$.jobId", "type": "purchase-request" } } ] },
              "End": true
            }
          }
        }
        """;

    private static readonly string JobPattern = """{"source":["workflow.jobs"],"detail-type":["JobSubmitted"],"detail":{"type":["purchase-request"]}}""";
    private const string DeadLetterArn = "arn:aws:sqs:us-east-1:123456789012:jobs-dlq";

    private string dataDirectory = null!;
    private LocalServicesServer server = null!;
    private FakeFunctionInvoker functions = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        dataDirectory = Directory.CreateTempSubdirectory("eventbridge-").FullName;
        var rules = new List<EventRuleModel>
        {
            new("JobRule", "job-submitted", "arn:aws:events:us-east-1:123456789012:rule/jobs/job-submitted", EventRuleOrigin.SamEventBridgeRule,
                "jobs", JobPattern, null, null, "ENABLED",
                [new EventTargetModel("jobs-machine", TestModels.StateMachineArn("jobs"), EventTargetKind.StateMachine, null, "$.detail", null,
                    new RetryPolicyModel(2, 3600), new DeadLetterConfigModel(DeadLetterArn, null))]),
            new("BrokenRule", "broken-target", "arn:aws:events:us-east-1:123456789012:rule/jobs/broken-target", EventRuleOrigin.EventsRule,
                "jobs", """{"source":["workflow.broken"]}""", null, null, "ENABLED",
                [new EventTargetModel("missing-machine", TestModels.StateMachineArn("does-not-exist"), EventTargetKind.StateMachine, null, null, null,
                    new RetryPolicyModel(0, 60), new DeadLetterConfigModel(DeadLetterArn, null))]),
            new("RepublishSchedule", "republish-every-5-minutes", "arn:aws:events:us-east-1:123456789012:rule/republish-every-5-minutes",
                EventRuleOrigin.SamSchedule, "default", null, "rate(5 minutes)", null, "ENABLED",
                [new EventTargetModel("republish", TestModels.FunctionArn("republish"), EventTargetKind.Function, null, null, null, null, null)]),
        };
        functions = new FakeFunctionInvoker().Echo("republish");
        var model = TestModels.Create(dataDirectory,
            [TestModels.StateMachine("jobs", JobMachine), TestModels.StateMachine("publisher", PublisherMachine)], rules);
        server = await LocalServicesServer.StartAsync(model, functions, dataDirectory);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await server.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private async Task<JsonArray> JobExecutionsAsync() =>
        (await server.CallOkAsync("AWSStepFunctions.ListExecutions", new JsonObject { ["stateMachineArn"] = TestModels.StateMachineArn("jobs") }))["executions"]!
        .AsArray();

    private async Task<string?> JobExecutionInputAsync(string jobId)
    {
        foreach (var execution in await JobExecutionsAsync())
        {
            var described = await Executions.DescribeAsync(server, execution!["executionArn"]!.GetValue<string>());
            var input = described["input"]!.GetValue<string>();
            if (input.Contains(jobId, StringComparison.Ordinal))
            {
                return input;
            }
        }

        return null;
    }

    [Test]
    public async Task PutEvents_MatchingRule_StartsTheStateMachineWithTheDetail()
    {
        var response = await server.CallOkAsync("AWSEvents.PutEvents", JsonNode.Parse("""
            {"Entries":[{"EventBusName":"jobs","Source":"workflow.jobs","DetailType":"JobSubmitted","Detail":"{\"jobId\":\"j-100\",\"type\":\"purchase-request\"}"}]}
            """)!);

        Assert.That(response["FailedEntryCount"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(response["Entries"]![0]!["EventId"]!.GetValue<string>(), Is.Not.Empty);
        var input = await Eventually.Value(() => JobExecutionInputAsync("j-100"), WorkDeadline.Value, "the rule starts an execution");
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(input), JsonNode.Parse("""{"jobId":"j-100","type":"purchase-request"}""")), Is.True);
    }

    [Test]
    public async Task PutEvents_NonMatchingEvent_StartsNothing()
    {
        await server.CallOkAsync("AWSEvents.PutEvents", JsonNode.Parse("""
            {"Entries":[{"EventBusName":"jobs","Source":"workflow.jobs","DetailType":"JobSubmitted","Detail":"{\"jobId\":\"j-200\",\"type\":\"other\"}"}]}
            """)!);
        await server.Services.GetRequiredServiceOf<Local.EventBridgeService.EventBridgeRuntime>().Router.WhenIdleAsync();

        Assert.That(await JobExecutionInputAsync("j-200"), Is.Null);
    }

    [Test]
    public async Task PutEventsTask_InAStateMachine_IsRoutedByTheRule()
    {
        var executionArn = await Executions.StartAsync(server, TestModels.StateMachineArn("publisher"), """{"jobId":"j-300"}""");
        var result = await Executions.FinishedAsync(server, executionArn);

        Assert.That(result["status"]!.GetValue<string>(), Is.EqualTo("SUCCEEDED"));
        var output = JsonNode.Parse(result["output"]!.GetValue<string>())!;
        Assert.That(output["FailedEntryCount"]!.GetValue<int>(), Is.EqualTo(0));
        Assert.That(output["Entries"]![0]!["EventId"]!.GetValue<string>(), Is.Not.Empty);
        await Eventually.Value(() => JobExecutionInputAsync("j-300"), WorkDeadline.Value, "the published event starts the jobs machine");
    }

    [Test]
    public async Task UndeliverableEvent_IsWrittenToTheDeadLetterQueueFile()
    {
        await server.CallOkAsync("AWSEvents.PutEvents", JsonNode.Parse("""
            {"Entries":[{"EventBusName":"jobs","Source":"workflow.broken","DetailType":"Anything","Detail":"{\"marker\":\"dlq-1\"}"}]}
            """)!);

        var file = Path.Combine(dataDirectory, "queues", "jobs-dlq.jsonl");
        await Eventually.Until(() => File.Exists(file) && File.ReadAllText(file).Contains("dlq-1", StringComparison.Ordinal),
            WorkDeadline.Value, "the event is dead-lettered");
        var line = JsonNode.Parse(File.ReadLines(file).First(l => l.Contains("dlq-1", StringComparison.Ordinal)))!;
        Assert.That(line["targetArn"]!.GetValue<string>(), Is.EqualTo(TestModels.StateMachineArn("does-not-exist")));
        Assert.That(line["attributes"]!.AsObject().Count, Is.GreaterThan(0));
    }

    [Test]
    public async Task ListRules_ReturnsTheRulesOfTheBus()
    {
        var response = await server.CallOkAsync("AWSEvents.ListRules", new JsonObject { ["EventBusName"] = "jobs" });

        var names = response["Rules"]!.AsArray().Select(r => r!["Name"]!.GetValue<string>()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "broken-target", "job-submitted" }));
        var rule = response["Rules"]!.AsArray().Single(r => r!["Name"]!.GetValue<string>() == "job-submitted")!;
        Assert.That(rule["State"]!.GetValue<string>(), Is.EqualTo("ENABLED"));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(rule["EventPattern"]!.GetValue<string>()), JsonNode.Parse(JobPattern)), Is.True);
    }

    [Test]
    public async Task ListRules_UnknownBus_ReturnsResourceNotFound()
    {
        var (status, body, _) = await server.CallAsync("AWSEvents.ListRules", """{"EventBusName":"nope"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Is.EqualTo("ResourceNotFoundException"));
    }

    [TestCase("""{"source":["workflow.jobs"]}""", true)]
    [TestCase("""{"source":["other"]}""", false)]
    public async Task TestEventPattern_ReportsWhetherTheEventMatches(string pattern, bool expected)
    {
        const string Event = """{"id":"1","account":"123456789012","source":"workflow.jobs","time":"2026-01-01T00:00:00Z","region":"us-east-1","detail-type":"X","detail":{}}""";

        var response = await server.CallOkAsync("AWSEvents.TestEventPattern", new JsonObject { ["EventPattern"] = pattern, ["Event"] = Event });

        Assert.That(response["Result"]!.GetValue<bool>(), Is.EqualTo(expected));
    }

    [Test]
    public async Task TestEventPattern_InvalidPattern_ReturnsInvalidEventPatternException()
    {
        const string Event = """{"id":"1","account":"123456789012","source":"s","time":"2026-01-01T00:00:00Z","region":"us-east-1","detail-type":"X","detail":{}}""";

        var (status, body, _) = await server.CallAsync("AWSEvents.TestEventPattern",
            new JsonObject { ["EventPattern"] = """{"source":"not-an-array"}""", ["Event"] = Event }.ToJsonString());

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body!["__type"]!.GetValue<string>(), Is.EqualTo("InvalidEventPatternException"));
    }

    [Test]
    public async Task PutEvents_InvalidEntry_IsReportedPerEntry()
    {
        var response = await server.CallOkAsync("AWSEvents.PutEvents", JsonNode.Parse("""
            {"Entries":[{"EventBusName":"jobs","Source":"workflow.jobs","DetailType":"JobSubmitted","Detail":"not json"}]}
            """)!);

        Assert.That(response["FailedEntryCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(response["Entries"]![0]!["ErrorCode"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task ScheduledRule_InvokesItsFunctionTargetWithTheScheduledEvent()
    {
        var router = server.Services.GetRequiredServiceOf<Local.EventBridgeService.EventBridgeRuntime>().Router;
        var rule = router.ListRules("default").Single(r => r.Name == "republish-every-5-minutes");

        router.DispatchScheduledEvent(rule, DateTimeOffset.UtcNow);

        await Eventually.Until(() => functions.Calls.Any(c => c.Function == "republish"), WorkDeadline.Value, "the schedule invokes the function");
        var payload = JsonNode.Parse(functions.Calls.First(c => c.Function == "republish").Payload)!;
        Assert.That(payload["detail-type"]!.GetValue<string>(), Is.EqualTo("Scheduled Event"));
        Assert.That(payload["resources"]![0]!.GetValue<string>(), Is.EqualTo(rule.Arn));
    }

    [Test]
    public async Task ListEventBuses_IncludesDefaultAndTheTemplatesBus()
    {
        var response = await server.CallOkAsync("AWSEvents.ListEventBuses", new JsonObject());

        Assert.That(response["EventBuses"]!.AsArray().Select(b => b!["Name"]!.GetValue<string>()), Is.EqualTo(new[] { "default", "jobs" }));
    }
}

internal static class ServiceProviderExtensions
{
    public static T GetRequiredServiceOf<T>(this IServiceProvider services)
        where T : notnull =>
        (T)(services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not registered."));
}
