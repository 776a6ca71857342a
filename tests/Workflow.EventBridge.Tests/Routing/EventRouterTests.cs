using System.Text.Json;
using Workflow.EventBridge.Tests.Support;

namespace Workflow.EventBridge.Tests.Routing;

public class EventRouterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static PutEventsEntry Order(string status) => new()
    {
        Source = "com.example.orders",
        DetailType = "OrderChanged",
        Detail = $$"""{"status":"{{status}}"}""",
    };

    private static EventRule PaidRule(params RuleTarget[] targets) => new()
    {
        Name = "paid-orders",
        Pattern = EventPattern.Parse("""{"source":["com.example.orders"],"detail":{"status":["PAID"]}}"""),
        Targets = targets,
    };

    [Test]
    public async Task PutEvents_DeliversMatchingEventToTargetsOnly()
    {
        var invoker = new RecordingInvoker();
        await using var router = new EventRouter(invoker, timeProvider: new FakeTimeProvider(Start));
        router.PutRule(PaidRule(new RuleTarget { Id = "sfn", Arn = "arn:aws:states:us-east-1:000000000000:stateMachine:x" }));

        var result = router.PutEvents([Order("PAID"), Order("NEW")]);
        await router.WhenIdleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedEntryCount, Is.Zero);
            Assert.That(result.Entries.All(e => Guid.TryParse(e.EventId, out _)), Is.True);
            Assert.That(invoker.Invocations, Has.Count.EqualTo(1));
            var delivered = invoker.Invocations.Single();
            Assert.That(delivered.Context.EventId, Is.EqualTo(result.Entries[0].EventId));
            using var doc = JsonDocument.Parse(delivered.Input);
            Assert.That(doc.RootElement.GetProperty("detail").GetProperty("status").GetString(), Is.EqualTo("PAID"));
            Assert.That(doc.RootElement.GetProperty("time").GetString(), Is.EqualTo("2026-03-01T12:00:00Z"));
        });
    }

    [Test]
    public async Task DisabledRule_ReceivesNothing()
    {
        var invoker = new RecordingInvoker();
        await using var router = new EventRouter(invoker);
        router.PutRule(PaidRule(new RuleTarget { Id = "t", Arn = "arn:t" }) with { State = RuleState.Disabled });
        router.PutEvents([Order("PAID")]);
        await router.WhenIdleAsync();
        Assert.That(invoker.Invocations, Is.Empty);
    }

    [Test]
    public async Task PutEvents_InvalidEntryFailsAloneAndUnknownBusIsReported()
    {
        await using var router = new EventRouter(new RecordingInvoker());
        var result = router.PutEvents([Order("PAID"), Order("PAID") with { Detail = "[]" }, Order("PAID") with { EventBusName = "nope" }]);
        Assert.Multiple(() =>
        {
            Assert.That(result.FailedEntryCount, Is.EqualTo(2));
            Assert.That(result.Entries[0].IsSuccess, Is.True);
            Assert.That(result.Entries[1].ErrorCode, Is.EqualTo("MalformedDetail"));
            Assert.That(result.Entries[2].ErrorCode, Is.EqualTo("ResourceNotFoundException"));
        });
    }

    [Test]
    public async Task BusArchive_KeepsEveryReceivedEvent()
    {
        var archive = new InMemoryEventArchive();
        await using var router = new EventRouter(new RecordingInvoker());
        router.CreateEventBus("jobs", archive);
        router.PutEvents([Order("A") with { EventBusName = "jobs" }, Order("B") with { EventBusName = "arn:aws:events:us-east-1:000000000000:event-bus/jobs" }]);
        Assert.That(archive.Events.Select(e => JsonDocument.Parse(e).RootElement.GetProperty("detail").GetProperty("status").GetString()),
            Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public async Task ListRules_FiltersByBusAndPrefix()
    {
        await using var router = new EventRouter(new RecordingInvoker());
        router.CreateEventBus("jobs");
        router.PutRule("job-submitted", "jobs", """{"source":["a"]}""", null);
        router.PutRule("job-approved", "jobs", """{"source":["b"]}""", null);
        router.PutRule("other", "jobs", """{"source":["c"]}""", null);
        router.PutRule("job-on-default", null, null, "rate(5 minutes)");
        var rules = router.ListRules("jobs", "job-");
        Assert.Multiple(() =>
        {
            Assert.That(rules.Select(r => r.Name), Is.EqualTo(new[] { "job-approved", "job-submitted" }));
            Assert.That(rules[0].Arn, Is.EqualTo("arn:aws:events:us-east-1:000000000000:rule/jobs/job-approved"));
            Assert.That(router.ListRules().Single().Arn, Is.EqualTo("arn:aws:events:us-east-1:000000000000:rule/job-on-default"));
            Assert.That(Assert.Throws<EventBridgeException>(() => router.ListRules("missing"))!.ErrorCode, Is.EqualTo("ResourceNotFoundException"));
        });
    }

    [Test]
    public async Task PutRule_ApiForm_KeepsTargetsAndRejectsBadInput()
    {
        await using var router = new EventRouter(new RecordingInvoker());
        router.PutRule("r", null, """{"source":["a"]}""", null);
        router.PutTargets("r", null, [new RuleTarget { Id = "t1", Arn = "arn:t1" }]);
        var updated = router.PutRule("r", null, """{"source":["b"]}""", null, "DISABLED");
        Assert.Multiple(() =>
        {
            Assert.That(updated.Targets.Single().Id, Is.EqualTo("t1"));
            Assert.That(updated.StateText, Is.EqualTo("DISABLED"));
            Assert.That(Assert.Throws<EventBridgeException>(() => router.PutRule("r", null, """{"source":[]}""", null))!.ErrorCode,
                Is.EqualTo("InvalidEventPatternException"));
            Assert.That(Assert.Throws<EventBridgeException>(() => router.PutRule("bad name!", null, """{"source":["a"]}""", null))!.ErrorCode,
                Is.EqualTo("ValidationException"));
            Assert.That(Assert.Throws<EventBridgeException>(() => router.PutTargets("r", null,
                [.. Enumerable.Range(0, 5).Select(i => new RuleTarget { Id = "x" + i, Arn = "arn:x" })]))!.ErrorCode,
                Is.EqualTo("LimitExceededException"));
        });
    }

    [Test]
    public void TestEventPattern_ChecksRequiredEventFields()
    {
        const string Event = """{"id":"1","account":"1","source":"s","time":"2022-07-13T13:48:01Z","region":"r","detail-type":"d","detail":{}}""";
        Assert.Multiple(() =>
        {
            Assert.That(EventRouter.TestEventPattern(Event, """{"source":["s"]}"""), Is.True);
            Assert.That(EventRouter.TestEventPattern(Event, """{"source":["t"]}"""), Is.False);
            Assert.That(Assert.Throws<EventBridgeException>(() =>
                EventRouter.TestEventPattern("""{"source":"s"}""", """{"source":["s"]}"""))!.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That(Assert.Throws<EventBridgeException>(() =>
                EventRouter.TestEventPattern(Event, """{"source":"s"}"""))!.ErrorCode, Is.EqualTo("InvalidEventPatternException"));
        });
    }

    [Test]
    public async Task FailingTarget_IsRetriedWithBackoffThenSucceeds()
    {
        var time = new FakeTimeProvider(Start);
        var invoker = new RecordingInvoker { FailuresBeforeSuccess = 2 };
        var observer = new RecordingObserver();
        await using var router = new EventRouter(invoker, new EventRouterOptions { JitterSource = () => 1.0 }, null, time, observer);
        router.PutRule(PaidRule(new RuleTarget { Id = "t", Arn = "arn:t" }));
        router.PutEvents([Order("PAID")]);

        await Poll.UntilAsync(() => observer.Deliveries.Any(d => d.Outcome == DeliveryOutcome.Delivered),
            () => time.Advance(TimeSpan.FromSeconds(1)), "delivery after retries");

        var log = observer.Deliveries.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(log.Select(l => (l.Attempt, l.Outcome)), Is.EqualTo(new[]
            {
                (1, DeliveryOutcome.Retrying), (2, DeliveryOutcome.Retrying), (3, DeliveryOutcome.Delivered),
            }));
            Assert.That(log[0].NextAttemptIn, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(log[1].NextAttemptIn, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(log.All(l => l.RuleName == "paid-orders" && l.TargetId == "t"), Is.True);
        });
    }

    [Test]
    public async Task ExhaustedRetries_SendEventToDeadLetterQueueWithAwsAttributes()
    {
        var time = new FakeTimeProvider(Start);
        var invoker = new RecordingInvoker
        {
            FailuresBeforeSuccess = int.MaxValue,
            Failure = () => new TargetInvocationException("THROTTLING", "Rate exceeded"),
        };
        var sink = new RecordingDeadLetterSink();
        await using var router = new EventRouter(invoker, new EventRouterOptions(), sink, time);
        var rule = router.PutRule(PaidRule(new RuleTarget
        {
            Id = "t",
            Arn = "arn:aws:lambda:us-east-1:000000000000:function:f",
            RetryPolicy = new RetryPolicy(MaximumRetryAttempts: 3),
            DeadLetterConfig = new DeadLetterConfig("arn:aws:sqs:us-east-1:000000000000:dlq"),
        }));
        var eventId = router.PutEvents([Order("PAID")]).Entries[0].EventId;

        await Poll.UntilAsync(() => !sink.Messages.IsEmpty, () => time.Advance(TimeSpan.FromSeconds(30)), "dead letter");

        var message = sink.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(invoker.Invocations, Has.Count.EqualTo(4));
            Assert.That(message.DeadLetterArn, Is.EqualTo("arn:aws:sqs:us-east-1:000000000000:dlq"));
            Assert.That(JsonDocument.Parse(message.Body).RootElement.GetProperty("id").GetString(), Is.EqualTo(eventId));
            Assert.That(message.Attributes["ERROR_CODE"], Is.EqualTo("THROTTLING"));
            Assert.That(message.Attributes["ERROR_MESSAGE"], Is.EqualTo("Rate exceeded"));
            Assert.That(message.Attributes["RULE_ARN"], Is.EqualTo(rule.Arn));
            Assert.That(message.Attributes["TARGET_ARN"], Is.EqualTo("arn:aws:lambda:us-east-1:000000000000:function:f"));
            Assert.That(message.Attributes["EXHAUSTED_RETRY_CONDITION"], Is.EqualTo("MaximumRetryAttempts"));
        });
    }

    [Test]
    public async Task EventOlderThanMaximumAge_IsDeadLetteredBeforeRetriesRunOut()
    {
        var time = new FakeTimeProvider(Start);
        var invoker = new RecordingInvoker { FailuresBeforeSuccess = int.MaxValue };
        var sink = new RecordingDeadLetterSink();
        await using var router = new EventRouter(invoker, new EventRouterOptions { JitterSource = () => 1.0 }, sink, time);
        router.PutRule(PaidRule(new RuleTarget
        {
            Id = "t",
            Arn = "arn:t",
            RetryPolicy = new RetryPolicy(MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 60),
            DeadLetterConfig = new DeadLetterConfig("arn:dlq"),
        }));
        router.PutEvents([Order("PAID")]);

        await Poll.UntilAsync(() => !sink.Messages.IsEmpty, () => time.Advance(TimeSpan.FromSeconds(5)), "dead letter");

        Assert.Multiple(() =>
        {
            // Delays 1+2+4+8+16 = 31 s; the next (32 s) would pass 60 s.
            Assert.That(invoker.Invocations, Has.Count.EqualTo(6));
            Assert.That(sink.Messages.Single().Attributes["EXHAUSTED_RETRY_CONDITION"], Is.EqualTo("MaximumEventAgeInSeconds"));
            Assert.That(sink.Messages.Single().Attributes["ERROR_CODE"], Is.EqualTo("SDK_CLIENT_ERROR"));
        });
    }

    [Test]
    public async Task NonRetryableFailure_GoesStraightToDeadLetterQueue()
    {
        var invoker = new RecordingInvoker
        {
            FailuresBeforeSuccess = int.MaxValue,
            Failure = () => new TargetInvocationException("RESOURCE_NOT_FOUND", "no such function", retryable: false),
        };
        var sink = new RecordingDeadLetterSink();
        await using var router = new EventRouter(invoker, null, sink, new FakeTimeProvider(Start));
        router.PutRule(PaidRule(new RuleTarget { Id = "t", Arn = "arn:t", DeadLetterConfig = new DeadLetterConfig("arn:dlq") }));
        router.PutEvents([Order("PAID")]);
        await router.WhenIdleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(invoker.Invocations, Has.Count.EqualTo(1));
            Assert.That(sink.Messages.Single().Attributes["ERROR_CODE"], Is.EqualTo("RESOURCE_NOT_FOUND"));
        });
    }

    [Test]
    public async Task FailureWithoutDeadLetterQueue_IsDroppedAndLogged()
    {
        var observer = new RecordingObserver();
        var invoker = new RecordingInvoker { FailuresBeforeSuccess = int.MaxValue };
        await using var router = new EventRouter(invoker, null, null, new FakeTimeProvider(Start), observer);
        router.PutRule(PaidRule(new RuleTarget { Id = "t", Arn = "arn:t", RetryPolicy = new RetryPolicy(0) }));
        router.PutEvents([Order("PAID")]);
        await router.WhenIdleAsync();
        Assert.That(observer.Deliveries.Single().Outcome, Is.EqualTo(DeliveryOutcome.Dropped));
    }

    [Test]
    public async Task TransformedInput_ReachesInvoker()
    {
        var invoker = new RecordingInvoker();
        await using var router = new EventRouter(invoker);
        router.PutRule(PaidRule(new RuleTarget
        {
            Id = "t",
            Arn = "arn:t",
            InputTransformer = new InputTransformer(new Dictionary<string, string> { ["s"] = "$.detail.status" },
                """{"status": <s>, "rule": <aws.events.rule-name>}"""),
        }));
        router.PutEvents([Order("PAID")]);
        await router.WhenIdleAsync();
        Assert.That(invoker.Invocations.Single().Input, Is.EqualTo("""{"status": "PAID", "rule": "paid-orders"}"""));
    }
}
