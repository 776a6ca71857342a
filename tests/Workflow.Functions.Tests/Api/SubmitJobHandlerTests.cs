using System.Text;
using Workflow.Domain;
using Workflow.Functions.Api;
using Workflow.Functions.Maintenance;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Api;

public class SubmitJobHandlerTests
{
    private TestApp app = null!;

    [SetUp]
    public async Task StartAsync() => app = await TestApp.StartAsync();

    private Task<ApiResponse> SubmitAsync(string? body, string? clientId = "client-a", IDictionary<string, string>? headers = null, bool base64 = false) =>
        TestApp.InvokeAsync(new SubmitJobHandler(app.Dependencies).HandleAsync, ApiRequests.Post("/jobs", body, clientId, headers: headers, base64: base64));

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Test]
    public async Task SubmitJob_ValidRequest_Returns202WithLocationRetryAfterAndLinks()
    {
        var response = await SubmitAsync(TestApp.Body());

        Assert.That(response.Status, Is.EqualTo(202));
        var jobId = response.Json!["jobId"]!.GetValue<string>();
        Assert.That(response.Header("location"), Is.EqualTo($"/jobs/{jobId}"));
        Assert.That(response.Header("retry-after"), Is.EqualTo("2"));
        Assert.That(response.Json["status"]!.GetValue<string>(), Is.EqualTo("ACCEPTED"));
        Assert.That(response.Json["links"]!["self"]!.GetValue<string>(), Is.EqualTo($"/jobs/{jobId}"));
        Assert.That(response.Json["links"]!["cancel"]!.GetValue<string>(), Is.EqualTo($"/jobs/{jobId}/cancel"));
    }

    [Test]
    public async Task SubmitJob_ValidRequest_StoresAcceptedJobAndPublishesJobSubmitted()
    {
        var response = await SubmitAsync(TestApp.Body());
        var jobId = response.Json!["jobId"]!.GetValue<string>();

        var job = await app.JobAsync(jobId);
        Assert.That(job.Status, Is.EqualTo(JobStatus.Accepted));
        Assert.That(job.ClientId, Is.EqualTo("client-a"));
        var detail = app.Events.Details(JobEvent.JobSubmitted).Single();
        Assert.That(detail["jobId"]!.GetValue<string>(), Is.EqualTo(jobId));
        Assert.That(detail["type"]!.GetValue<string>(), Is.EqualTo("purchase-request"));
        Assert.That(detail["clientId"]!.GetValue<string>(), Is.EqualTo("client-a"));
        Assert.That(detail["submittedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-02T09:00:00.000Z"));
    }

    [Test]
    public async Task SubmitJob_StoresTheEmailOfTheTokenNotOfTheBody_ForRequesterNotifications()
    {
        var response = await SubmitAsync(TestApp.Body(requester: "someone-else@example.com"));

        var job = await app.JobAsync(response.Json!["jobId"]!.GetValue<string>());
        Assert.That(job.RequesterEmail, Is.EqualTo("client-a@example.com"));
    }

    [Test]
    public async Task SubmitJob_WithSameIdempotencyKeyAndBody_ReturnsSameJob()
    {
        var first = await SubmitAsync(TestApp.Body(), headers: Key("order-42"));
        var second = await SubmitAsync(TestApp.Body(), headers: Key("order-42"));

        Assert.That(first.Status, Is.EqualTo(202));
        Assert.That(second.Status, Is.EqualTo(200));
        Assert.That(second.Json!["jobId"]!.GetValue<string>(), Is.EqualTo(first.Json!["jobId"]!.GetValue<string>()));
        Assert.That(app.Events.Published, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SubmitJob_WithSameIdempotencyKeyAndReformattedBody_ReturnsSameJob()
    {
        var first = await SubmitAsync(TestApp.Body(), headers: Key("order-42"));
        var reformatted = System.Text.Json.Nodes.JsonNode.Parse(TestApp.Body())!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

        var second = await SubmitAsync(reformatted, headers: Key("order-42"));

        Assert.That(second.Json!["jobId"]!.GetValue<string>(), Is.EqualTo(first.Json!["jobId"]!.GetValue<string>()));
    }

    [Test]
    public async Task SubmitJob_WithSameIdempotencyKeyAndDifferentBody_Returns422NamingTheKey()
    {
        await SubmitAsync(TestApp.Body(100m), headers: Key("order-42"));

        var response = await SubmitAsync(TestApp.Body(200m), headers: Key("order-42"));

        Assert.That(response.Status, Is.EqualTo(422));
        Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("Idempotency-Key"));
    }

    [Test]
    public async Task SubmitJob_SameIdempotencyKeyFromAnotherClient_CreatesItsOwnJob()
    {
        var first = await SubmitAsync(TestApp.Body(), "client-a", Key("shared"));
        var second = await SubmitAsync(TestApp.Body(200m), "client-b", Key("shared"));

        Assert.That(second.Status, Is.EqualTo(202));
        Assert.That(second.Json!["jobId"]!.GetValue<string>(), Is.Not.EqualTo(first.Json!["jobId"]!.GetValue<string>()));
    }

    [Test]
    public async Task SubmitJob_KeyClaimedButJobNeverStored_RetryCreatesTheJobUnderTheClaimedId()
    {
        // An earlier attempt died between claiming the key and writing the job.
        var root = System.Text.Json.JsonDocument.Parse(TestApp.Body()).RootElement;
        await app.Store.ClaimIdempotencyKeyAsync(
            new IdempotencyRecord("client-a", "order-7", RequestFingerprint.Compute(root), "feedc0de000000000000000000000000", TestApp.Start, TestApp.Start.AddHours(24)),
            CancellationToken.None);

        var response = await SubmitAsync(TestApp.Body(), headers: Key("order-7"));

        Assert.That(response.Status, Is.EqualTo(202));
        Assert.That(response.Json!["jobId"]!.GetValue<string>(), Is.EqualTo("feedc0de000000000000000000000000"));
        Assert.That((await app.JobAsync("feedc0de000000000000000000000000")).Status, Is.EqualTo(JobStatus.Accepted));
    }

    [Test]
    public async Task SubmitJob_DynamoDbUnreachable_Returns503Problem()
    {
        using var unreachable = new Amazon.DynamoDBv2.AmazonDynamoDBClient(
            Workflow.Testing.LocalDynamoDb.Credentials,
            new Amazon.DynamoDBv2.AmazonDynamoDBConfig
            {
                ServiceURL = $"http://127.0.0.1:{Workflow.Testing.FreePort.Next()}",
                AuthenticationRegion = "us-east-1",
                MaxErrorRetry = 0,
            });
        var store = new Workflow.Functions.Storage.DynamoDbJobStore(unreachable, app.Table);
        var dependencies = new Workflow.Functions.Infrastructure.FunctionDependencies
        {
            Jobs = store,
            Budgets = store,
            Events = app.Events,
            Workflow = app.Workflow,
            Settings = app.Dependencies.Settings,
            Time = app.Clock,
            LogOutput = app.Log,
        };

        var response = await TestApp.InvokeAsync(new SubmitJobHandler(dependencies).HandleAsync, ApiRequests.Post("/jobs", TestApp.Body(), "client-a"));

        Assert.That(response.Status, Is.EqualTo(503));
        Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(app.Log.ToString(), Does.Contain("TransientDependencyException"));
    }

    [Test]
    public async Task SubmitJob_InvalidIdempotencyKey_Returns400NamingTheHeader()
    {
        var response = await SubmitAsync(TestApp.Body(), headers: Key("has spaces"));

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("Idempotency-Key"));
    }

    [Test]
    public async Task SubmitJob_UnsupportedType_Returns400NamingType()
    {
        var response = await SubmitAsync("""{"type":"expense-claim","input":{}}""");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("type"));
        Assert.That(response.Json["detail"]!.GetValue<string>(), Does.Contain("expense-claim").And.Contain("purchase-request"));
        Assert.That(app.Events.Published, Is.Empty);
    }

    [Test]
    public async Task SubmitJob_MissingType_Returns400NamingType()
    {
        var response = await SubmitAsync("""{"input":{}}""");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("type"));
    }

    [Test]
    public async Task SubmitJob_MalformedJson_Returns400ProblemNamingThePosition()
    {
        var response = await SubmitAsync("{\"type\": \"purchase-request\",\n \"input\": {,}}");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Json!["title"]!.GetValue<string>(), Is.EqualTo("Malformed JSON"));
        Assert.That(response.Json["detail"]!.GetValue<string>(), Does.Contain("line 2, position 12"));
        Assert.That(response.Json["status"]!.GetValue<int>(), Is.EqualTo(400));
    }

    [Test]
    public async Task SubmitJob_BodyOverLimit_Returns413NamingTheBody()
    {
        var huge = TestApp.Body(vendor: new string('x', 5000));

        var response = await SubmitAsync(huge);

        Assert.That(response.Status, Is.EqualTo(413));
        Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Json!["detail"]!.GetValue<string>(), Does.Contain("4096"));
        Assert.That(response.Json["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("body"));
    }

    [Test]
    public async Task SubmitJob_WrongFieldType_Returns422NamingTheField()
    {
        var body = """{"type":"purchase-request","input":{"requester":"a","costCentre":"CC","vendor":"V","currency":"EUR","lines":[{"description":"x","quantity":"two","unitPrice":1}]}}""";

        var response = await SubmitAsync(body);

        Assert.That(response.Status, Is.EqualTo(422));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("input.lines[0].quantity"));
        Assert.That(response.Json["errors"]![0]!["message"]!.GetValue<string>(), Is.EqualTo("must be a number, not a string"));
    }

    [Test]
    public async Task SubmitJob_EmptyOrder_Returns422NamingLines()
    {
        var body = """{"type":"purchase-request","input":{"requester":"a","costCentre":"CC","vendor":"V","currency":"EUR","lines":[]}}""";

        var response = await SubmitAsync(body);

        Assert.That(response.Status, Is.EqualTo(422));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("input.lines"));
    }

    [Test]
    public async Task SubmitJob_BodyNotAnObject_Returns400()
    {
        var response = await SubmitAsync("[1,2,3]");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("body"));
    }

    [Test]
    public async Task SubmitJob_EscapedUnpairedSurrogate_Returns400NamingTheField()
    {
        var body = TestApp.Body().Replace("ACME Ltd", "ACME \\ud800 Ltd", StringComparison.Ordinal);

        var response = await SubmitAsync(body, headers: Key("k-1"));

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("input.vendor"));
    }

    [Test]
    public async Task SubmitJob_EscapedUnpairedSurrogateInType_Returns400NamingType()
    {
        var response = await SubmitAsync("{\"type\":\"x\\udc00\",\"input\":{}}");

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("type"));
    }

    [Test]
    public async Task SubmitJob_FormContentTypeWithJsonBody_IsAccepted()
    {
        var response = await SubmitAsync(TestApp.Body(), headers: new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded" });

        Assert.That(response.Status, Is.EqualTo(202));
    }

    [Test]
    public async Task SubmitJob_Base64Body_IsDecoded()
    {
        var response = await SubmitAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(TestApp.Body())), base64: true);

        Assert.That(response.Status, Is.EqualTo(202));
    }

    [Test]
    public async Task SubmitJob_UnicodeInput_IsStoredUnchanged()
    {
        var response = await SubmitAsync(TestApp.Body(vendor: "Café Ñandú 株式会社 🚀", requester: "Zoë"));

        var job = await app.JobAsync(response.Json!["jobId"]!.GetValue<string>());
        Assert.That(PurchaseRequestParser.ParseStored(job.InputJson).Vendor, Is.EqualTo("Café Ñandú 株式会社 🚀"));
    }

    [Test]
    public async Task SubmitJob_WithoutSubject_Returns401()
    {
        var response = await SubmitAsync(TestApp.Body(), clientId: null);

        Assert.That(response.Status, Is.EqualTo(401));
    }

    [Test]
    public async Task SubmitJob_EventBridgeDown_StillAcceptsAndTheRepublisherSendsItLater()
    {
        app.Events.Fail = true;
        var response = await SubmitAsync(TestApp.Body());
        var jobId = response.Json!["jobId"]!.GetValue<string>();
        Assert.That(response.Status, Is.EqualTo(202));
        Assert.That(app.Log.ToString(), Does.Contain("republisher"));

        app.Events.Fail = false;
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var result = await TestApp.InvokeStepAsync(new RepublishAcceptedHandler(app.Dependencies).HandleAsync, """{"id":"event-1","detail-type":"Scheduled Event"}""");

        Assert.That(result!["republished"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(app.Events.Details(JobEvent.JobSubmitted).Single()["jobId"]!.GetValue<string>(), Is.EqualTo(jobId));
    }

    [Test]
    public async Task SubmitJob_WritesOneStructuredLogLinePerRequest()
    {
        var response = await SubmitAsync(TestApp.Body());

        var line = System.Text.Json.Nodes.JsonNode.Parse(app.Log.ToString().Trim().Split('\n').Last())!;
        Assert.That(line["level"]!.GetValue<string>(), Is.EqualTo("INFO"));
        Assert.That(line["function"]!.GetValue<string>(), Is.EqualTo("SubmitJobHandler"));
        Assert.That(line["jobId"]!.GetValue<string>(), Is.EqualTo(response.Json!["jobId"]!.GetValue<string>()));
        Assert.That(line["requestId"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(line["status"]!.GetValue<int>(), Is.EqualTo(202));
        Assert.That(line["timestamp"]!.GetValue<string>(), Is.EqualTo("2026-03-02T09:00:00.000Z"));
    }
}
