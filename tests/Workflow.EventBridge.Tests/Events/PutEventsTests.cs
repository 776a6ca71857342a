using System.Text.Json;

namespace Workflow.EventBridge.Tests.Events;

public class PutEventsTests
{
    private static PutEventsEntry Valid() => new()
    {
        Source = "com.example.orders",
        DetailType = "OrderPlaced",
        Detail = """{"orderId":"o-1","total":12.5}""",
    };

    [Test]
    public void ValidEntry_HasNoError() => Assert.That(PutEventsValidator.ValidateEntry(Valid()), Is.Null);

    [TestCase("Source")]
    [TestCase("DetailType")]
    [TestCase("Detail")]
    public void MissingRequiredField_IsInvalidArgument(string field)
    {
        var entry = field switch
        {
            "Source" => Valid() with { Source = null },
            "DetailType" => Valid() with { DetailType = "" },
            _ => Valid() with { Detail = null },
        };
        var error = PutEventsValidator.ValidateEntry(entry);
        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("InvalidArgument"));
            Assert.That(error.ErrorMessage, Is.EqualTo($"Parameter {field} is not valid. Reason: {field} is a required argument."));
        });
    }

    [TestCase("[1,2]")]
    [TestCase("\"text\"")]
    [TestCase("{not json")]
    public void DetailThatIsNotAJsonObject_IsMalformedDetail(string detail)
    {
        var error = PutEventsValidator.ValidateEntry(Valid() with { Detail = detail });
        Assert.Multiple(() =>
        {
            Assert.That(error!.ErrorCode, Is.EqualTo("MalformedDetail"));
            Assert.That(error.ErrorMessage, Is.EqualTo("Detail is malformed."));
        });
    }

    [Test]
    public void AwsReservedSource_IsNotAuthorized() =>
        Assert.That(PutEventsValidator.ValidateEntry(Valid() with { Source = "aws.ec2" })!.ErrorCode,
            Is.EqualTo("NotAuthorizedForSourceException"));

    [Test]
    public void EntryOver256KB_IsRejected()
    {
        var big = Valid() with { Detail = JsonSerializer.Serialize(new Dictionary<string, string> { ["x"] = new('a', 262_144) }) };
        Assert.That(PutEventsValidator.ValidateEntry(big)!.ErrorCode, Is.EqualTo("InvalidArgument"));
    }

    [Test]
    public void MoreThanTenEntries_IsValidationException()
    {
        var ex = Assert.Throws<EventBridgeException>(() => PutEventsValidator.ValidateRequest(Enumerable.Repeat(Valid(), 11).ToList()));
        Assert.That(ex!.ErrorCode, Is.EqualTo("ValidationException"));
    }

    [Test]
    public void EmptyRequest_IsValidationException() =>
        Assert.That(Assert.Throws<EventBridgeException>(() => PutEventsValidator.ValidateRequest([]))!.ErrorCode,
            Is.EqualTo("ValidationException"));

    [Test]
    public void Envelope_HasAwsShape()
    {
        var entry = Valid() with { Resources = ["arn:aws:s3:::bucket"], Time = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)) };
        var json = EventEnvelope.Build(entry, "11111111-2222-3333-4444-555555555555", "123456789012", "eu-west-1", DateTimeOffset.UnixEpoch);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail" }));
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("0"));
            Assert.That(root.GetProperty("time").GetString(), Is.EqualTo("2026-01-02T01:04:05Z"));
            Assert.That(root.GetProperty("resources")[0].GetString(), Is.EqualTo("arn:aws:s3:::bucket"));
            Assert.That(root.GetProperty("detail").GetProperty("total").GetDouble(), Is.EqualTo(12.5));
        });
    }
}
