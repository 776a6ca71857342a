using System.Text.Json;
using Workflow.EventBridge.Tests.Support;

namespace Workflow.EventBridge.Tests.Schedules;

public class SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 11, 58, 0, TimeSpan.Zero);

    [Test]
    public async Task CronRule_FiresScheduledEventAtEachOccurrence()
    {
        var time = new FakeTimeProvider(Start);
        var invoker = new RecordingInvoker();
        await using var router = new EventRouter(invoker, timeProvider: time);
        using var scheduler = new Scheduler(router);
        router.PutRule(new EventRule
        {
            Name = "noon",
            Schedule = ScheduleExpression.Parse("cron(0 12 * * ? *)"),
            Targets = [new RuleTarget { Id = "t", Arn = "arn:t" }],
        });
        scheduler.Start();

        time.Advance(TimeSpan.FromMinutes(1));
        await router.WhenIdleAsync();
        Assert.That(invoker.Invocations, Is.Empty);

        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));
        await Poll.UntilAsync(() => invoker.Invocations.Count == 2, what: "two noon events");

        var events = invoker.Invocations.Select(i => JsonDocument.Parse(i.Input).RootElement).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.GetProperty("time").GetString()),
                Is.EqualTo(new[] { "2026-03-01T12:00:00Z", "2026-03-02T12:00:00Z" }));
            Assert.That(events[0].GetProperty("source").GetString(), Is.EqualTo("aws.events"));
            Assert.That(events[0].GetProperty("detail-type").GetString(), Is.EqualTo("Scheduled Event"));
            Assert.That(events[0].GetProperty("resources")[0].GetString(), Is.EqualTo("arn:aws:events:us-east-1:000000000000:rule/noon"));
        });
    }

    [Test]
    public async Task RateRule_FiresEveryIntervalFromCreation()
    {
        var time = new FakeTimeProvider(Start);
        var invoker = new RecordingInvoker();
        await using var router = new EventRouter(invoker, timeProvider: time);
        using var scheduler = new Scheduler(router);
        scheduler.Start();
        router.PutRule(new EventRule
        {
            Name = "every-5",
            Schedule = ScheduleExpression.Parse("rate(5 minutes)"),
            Targets = [new RuleTarget { Id = "t", Arn = "arn:t" }],
        });

        time.Advance(TimeSpan.FromMinutes(16));
        await Poll.UntilAsync(() => invoker.Invocations.Count == 3, what: "three rate events");
        Assert.That(scheduler.NextRuns.Values.Single(), Is.EqualTo(Start.AddMinutes(20)));
    }

    [Test]
    public async Task DisabledScheduledRule_DoesNotFire()
    {
        var time = new FakeTimeProvider(Start);
        var invoker = new RecordingInvoker();
        await using var router = new EventRouter(invoker, timeProvider: time);
        using var scheduler = new Scheduler(router);
        scheduler.Start();
        router.PutRule("every-minute", null, null, "rate(1 minute)");
        router.PutTargets("every-minute", null, [new RuleTarget { Id = "t", Arn = "arn:t" }]);
        router.SetRuleState("every-minute", null, RuleState.Disabled);

        time.Advance(TimeSpan.FromMinutes(10));
        await router.WhenIdleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(invoker.Invocations, Is.Empty);
            Assert.That(scheduler.NextRuns, Is.Empty);
        });
    }

    [Test]
    public async Task ScheduleOnCustomBus_IsRejected()
    {
        await using var router = new EventRouter(new RecordingInvoker());
        router.CreateEventBus("jobs");
        Assert.That(Assert.Throws<EventBridgeException>(() => router.PutRule("r", "jobs", null, "rate(1 hour)"))!.Message,
            Is.EqualTo("ScheduleExpression is supported only on the default event bus."));
    }
}
