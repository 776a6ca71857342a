using System.Globalization;

namespace Workflow.EventBridge.Tests.Schedules;

public class ScheduleExpressionTests
{
    private static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [TestCase("rate(1 minute)", 1)]
    [TestCase("rate(5 minutes)", 5)]
    [TestCase("rate(1 hour)", 60)]
    [TestCase("rate(2 hours)", 120)]
    [TestCase("rate(1 day)", 1440)]
    [TestCase("rate(3 days)", 4320)]
    public void Rate_NextOccurrenceIsOneIntervalLater(string expression, int minutes)
    {
        var after = At("2026-01-01T00:00:30Z");
        Assert.That(ScheduleExpression.Parse(expression).NextOccurrence(after), Is.EqualTo(after.AddMinutes(minutes)));
    }

    [TestCase("cron(0 12 * * ? *)", "2026-03-01T11:59:00Z", "2026-03-01T12:00:00Z")]
    [TestCase("cron(0 12 * * ? *)", "2026-03-01T12:00:00Z", "2026-03-02T12:00:00Z")]
    [TestCase("cron(15 10 ? * 6L 2026-2027)", "2026-01-01T00:00:00Z", "2026-01-30T10:15:00Z")]
    [TestCase("cron(0/15 * * * ? *)", "2026-01-01T00:07:00Z", "2026-01-01T00:15:00Z")]
    [TestCase("cron(0 18 ? * MON-FRI *)", "2026-01-02T18:00:00Z", "2026-01-05T18:00:00Z")]
    [TestCase("cron(0 8 1 * ? *)", "2026-01-01T09:00:00Z", "2026-02-01T08:00:00Z")]
    [TestCase("cron(0 0 L * ? *)", "2026-02-01T00:00:00Z", "2026-02-28T00:00:00Z")]
    [TestCase("cron(0 0 L * ? *)", "2028-02-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [TestCase("cron(0 9 LW * ? *)", "2026-05-01T00:00:00Z", "2026-05-29T09:00:00Z")]
    [TestCase("cron(0 9 15W * ? *)", "2026-08-01T00:00:00Z", "2026-08-14T09:00:00Z")]
    [TestCase("cron(0 9 1W * ? *)", "2026-08-01T00:00:00Z", "2026-08-03T09:00:00Z")]
    [TestCase("cron(0 10 ? * 3#2 *)", "2026-01-01T00:00:00Z", "2026-01-13T10:00:00Z")]
    [TestCase("cron(30 1,13 ? * SUN *)", "2026-01-04T02:00:00Z", "2026-01-04T13:30:00Z")]
    [TestCase("cron(0 0 29 FEB ? *)", "2026-01-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [TestCase("cron(0 0 1 JAN ? 2030)", "2026-06-01T00:00:00Z", "2030-01-01T00:00:00Z")]
    [TestCase("cron(5-10/5 2 * * ? *)", "2026-01-01T02:06:00Z", "2026-01-01T02:10:00Z")]
    public void Cron_NextOccurrence(string expression, string after, string expected) =>
        Assert.That(ScheduleExpression.Parse(expression).NextOccurrence(At(after)), Is.EqualTo(At(expected)));

    [Test]
    public void Cron_InThePastOnly_HasNoNextOccurrence() =>
        Assert.That(ScheduleExpression.Parse("cron(0 0 1 1 ? 2020)").NextOccurrence(At("2026-01-01T00:00:00Z")), Is.Null);

    [TestCase("rate(1 minutes)")]
    [TestCase("rate(5 minute)")]
    [TestCase("rate(0 minutes)")]
    [TestCase("rate(-1 minutes)")]
    [TestCase("rate(5 seconds)")]
    [TestCase("rate(5  minutes)")]
    [TestCase("rate(five minutes)")]
    [TestCase("cron(0 12 * * * *)")]
    [TestCase("cron(0 12 ? * ? *)")]
    [TestCase("cron(0 12 * *)")]
    [TestCase("cron(60 12 * * ? *)")]
    [TestCase("cron(0 24 * * ? *)")]
    [TestCase("cron(0 12 32 * ? *)")]
    [TestCase("cron(0 12 ? * 8 *)")]
    [TestCase("cron(0 12 ? * 2#6 *)")]
    [TestCase("cron(0 12 ? FOO * *)")]
    [TestCase("cron(0 12 5-1 * ? *)")]
    [TestCase("cron(0 12 * * ? 1969)")]
    [TestCase("every 5 minutes")]
    public void InvalidExpression_IsValidationError(string expression)
    {
        var ex = Assert.Throws<EventBridgeException>(() => ScheduleExpression.Parse(expression));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ErrorCode, Is.EqualTo("ValidationException"));
            Assert.That(ex.Message, Is.EqualTo("Parameter ScheduleExpression is not valid."));
        });
    }
}
