using System.Text.Json;

namespace Workflow.EventBridge.Tests.Routing;

public class DeliveryLogEntryTests
{
    [Test]
    public void ToJson_WritesOneStructuredLine()
    {
        var entry = new DeliveryLogEntry("e-1", "rule", "t", "arn:t", 2, DeliveryOutcome.Retrying, "THROTTLING", "slow \"down\"",
            TimeSpan.FromSeconds(4));
        var json = entry.ToJson();
        using var doc = JsonDocument.Parse(json);
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain("\n"));
            Assert.That(doc.RootElement.GetProperty("eventId").GetString(), Is.EqualTo("e-1"));
            Assert.That(doc.RootElement.GetProperty("attempt").GetInt32(), Is.EqualTo(2));
            Assert.That(doc.RootElement.GetProperty("outcome").GetString(), Is.EqualTo("Retrying"));
            Assert.That(doc.RootElement.GetProperty("errorMessage").GetString(), Is.EqualTo("slow \"down\""));
            Assert.That(doc.RootElement.GetProperty("nextAttemptInMs").GetInt64(), Is.EqualTo(4000));
        });
    }

    [Test]
    public void TooLongPattern_IsRejectedByTheApiLimit()
    {
        var pattern = "{\"source\":[\"" + new string('a', EventRouter.MaxEventPatternLength) + "\"]}";
        var ex = Assert.Throws<EventBridgeException>(() => EventRouter.TestEventPattern("{}", pattern));
        Assert.That(ex!.ErrorCode, Is.EqualTo("ValidationException"));
    }
}
