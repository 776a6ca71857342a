using System.Net;
using System.Text.Json.Nodes;
using Workflow.Aws.Tests.Support;

namespace Workflow.Aws.Tests.EventBridge;

public sealed class EventBridgeClientTests
{
    [Test]
    public async Task PutEvents_PostsJson11WithPascalCaseEntriesAndEpochTime()
    {
        var handler = new CapturingHandler().RespondOk("""{"FailedEntryCount":0,"Entries":[{"EventId":"e-1"}]}""");
        var client = new EventBridgeClient(TestClients.Options(handler));
        var entry = new EventEntry("workflow.jobs", "JobSubmitted", """{"jobId":"j-1"}""")
        {
            EventBusName = "jobs-bus",
            Resources = ["arn:aws:dynamodb:eu-west-1:1:table/jobs"],
            Time = DateTimeOffset.FromUnixTimeMilliseconds(1767225600250),
        };

        var result = await client.PutEventsAsync([entry]);

        var request = handler.Requests.Single();
        var body = JsonNode.Parse(request.BodyText)!;
        var sent = body["Entries"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Uri, Is.EqualTo(new Uri("https://events.eu-west-1.amazonaws.com/")));
            Assert.That(request.Header("X-Amz-Target"), Is.EqualTo("AWSEvents.PutEvents"));
            Assert.That(request.Header("Content-Type"), Is.EqualTo("application/x-amz-json-1.1"));
            Assert.That(sent["Source"]!.GetValue<string>(), Is.EqualTo("workflow.jobs"));
            Assert.That(sent["DetailType"]!.GetValue<string>(), Is.EqualTo("JobSubmitted"));
            Assert.That(sent["Detail"]!.GetValue<string>(), Is.EqualTo("""{"jobId":"j-1"}"""));
            Assert.That(sent["EventBusName"]!.GetValue<string>(), Is.EqualTo("jobs-bus"));
            Assert.That(sent["Resources"]![0]!.GetValue<string>(), Is.EqualTo("arn:aws:dynamodb:eu-west-1:1:table/jobs"));
            Assert.That(sent["Time"]!.GetValue<decimal>(), Is.EqualTo(1767225600.25m));
            Assert.That(sent.AsObject().ContainsKey("TraceHeader"), Is.False, "absent members are omitted");
            Assert.That(result.FailedEntryCount, Is.Zero);
            Assert.That(result.Entries.Single().EventId, Is.EqualTo("e-1"));
            Assert.That(result.Entries.Single().Succeeded, Is.True);
        });
    }

    [Test]
    public async Task PutEvents_WithPartialFailure_ReportsPerEntryErrors()
    {
        var handler = new CapturingHandler().RespondOk(
            """{"FailedEntryCount":1,"Entries":[{"EventId":"e-1"},{"ErrorCode":"InternalFailure","ErrorMessage":"try again"}]}""");
        var client = new EventBridgeClient(TestClients.Options(handler));

        var result = await client.PutEventsAsync([new EventEntry("s", "A", "{}"), new EventEntry("s", "B", "{}")]);

        Assert.Multiple(() =>
        {
            Assert.That(result.FailedEntryCount, Is.EqualTo(1));
            Assert.That(result.Entries[1].ErrorCode, Is.EqualTo("InternalFailure"));
            Assert.That(result.Entries[1].ErrorMessage, Is.EqualTo("try again"));
            Assert.That(result.Entries[1].Succeeded, Is.False);
        });
    }

    [Test]
    public void PutEventsOrThrow_WithRejectedEntry_ThrowsNamingTheEntry()
    {
        var handler = new CapturingHandler().RespondOk(
            """{"FailedEntryCount":1,"Entries":[{"ErrorCode":"ThrottlingException","ErrorMessage":"slow down"}]}""");
        IEventBridgeClient client = new EventBridgeClient(TestClients.Options(handler));

        var error = Assert.ThrowsAsync<PutEventsFailedException>(() => client.PutEventOrThrowAsync(new EventEntry("s", "A", "{}")));

        Assert.That(error!.Message, Does.Contain("entry 0: ThrottlingException slow down"));
        Assert.That(error.IsRetryable, Is.True);
    }

    [Test]
    public async Task PutEventOrThrow_ReturnsTheEventId()
    {
        var handler = new CapturingHandler().RespondOk("""{"FailedEntryCount":0,"Entries":[{"EventId":"abc"}]}""");
        IEventBridgeClient client = new EventBridgeClient(TestClients.Options(handler));

        var id = await client.PutEventOrThrowAsync(new EventEntry("s", "A", "{}"));

        Assert.That(id, Is.EqualTo("abc"));
    }

    [TestCase(0)]
    [TestCase(11)]
    public void PutEvents_WithTooFewOrTooManyEntries_IsRejectedBeforeAnyCall(int count)
    {
        var handler = new CapturingHandler();
        var client = new EventBridgeClient(TestClients.Options(handler));
        var entries = Enumerable.Range(0, count).Select(_ => new EventEntry("s", "A", "{}")).ToList();

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.PutEventsAsync(entries));

        Assert.That(error!.Message, Does.Contain("1 to 10 entries"));
        Assert.That(handler.Requests, Is.Empty);
    }

    [Test]
    public void PutEvents_WhenBusDoesNotExist_ThrowsResourceNotFound()
    {
        var handler = new CapturingHandler().RespondJson(
            HttpStatusCode.BadRequest,
            """{"__type":"ResourceNotFoundException","message":"Event bus nope does not exist."}""");
        var client = new EventBridgeClient(TestClients.Options(handler));

        var error = Assert.ThrowsAsync<ResourceNotFoundException>(() => client.PutEventsAsync([new EventEntry("s", "A", "{}") { EventBusName = "nope" }]));

        Assert.That(error!.Message, Is.EqualTo("Event bus nope does not exist."));
    }
}
