using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// Bad requests over HTTP get the right 4xx, never a 5xx, and change nothing: API Gateway-style
/// <c>{"message":...}</c> answers from the runtime (routes, authorizer, size limit) and problem+json from the functions.
/// Each test compares the caller's stored jobs before and after.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class BadInputTests
{
    private AppRuntime _app = null!;
    private ApiUser _client = null!;
    private string _jobId = null!;

    [OneTimeSetUp]
    public async Task StartApplicationWithOneFinishedJob()
    {
        _app = await AppRuntime.StartAsync();
        _client = await _app.UserAsync("bad-input-client");
        _jobId = await _client.SubmitJobAsync(PurchaseRequests.Small(_client.Subject));
        await _client.WaitForStatusAsync(_jobId, "SUCCEEDED");
    }

    [OneTimeTearDown]
    public async Task StopApplication() => await _app.DisposeAsync();

    private static string SubmitBody(string input) => "{\"type\":\"purchase-request\",\"input\":" + input + "}";

    private const string ValidInput = """{"requester":"r","costCentre":"E2E-1","vendor":"v","currency":"EUR","lines":[{"description":"d","quantity":1,"unitPrice":1}]}""";

    [TestCase("{\"type\":\"purchase-request\",\"input\":{", 400, "body", TestName = "MalformedJson_Is400")]
    [TestCase("[1,2,3]", 400, "body", TestName = "BodyNotAnObject_Is400")]
    [TestCase("{\"type\":42,\"input\":{}}", 400, "type", TestName = "TypeOfWrongJsonType_Is400NamingType")]
    [TestCase("{\"type\":\"vacation-request\",\"input\":{}}", 400, "type", TestName = "UnsupportedJobType_Is400NamingType")]
    [TestCase("{\"input\":{}}", 400, "type", TestName = "MissingType_Is400NamingType")]
    [TestCase("""{"type":"purchase-request","input":{"requester":"r","costCentre":"E2E-1","vendor":"v","currency":"EUR","lines":"many"}}""", 422, "input.lines", TestName = "LinesOfWrongJsonType_Is422NamingTheField")]
    [TestCase("""{"type":"purchase-request","input":{"requester":"r","costCentre":"E2E-1","vendor":"v","currency":"EUR","lines":[{"description":"d","quantity":"one","unitPrice":1}]}}""", 422, "input.lines[0].quantity", TestName = "QuantityAsText_Is422NamingTheField")]
    [TestCase("""{"type":"purchase-request","input":{"requester":"r","costCentre":"E2E-1","vendor":"v","currency":"EURO","lines":[{"description":"d","quantity":1,"unitPrice":-5}]}}""", 422, "input.currency", TestName = "BadCurrencyAndNegativePrice_Is422NamingTheFields")]
    public async Task BadSubmitBody_GetsAProblemNamingTheField(string body, int status, string field)
    {
        var response = await UnchangedAfterAsync(() => _client.SendAsync(HttpMethod.Post, "/jobs", body));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(status), response.ToString());
            Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
            Assert.That(response.Json?["status"]?.GetValue<int>(), Is.EqualTo(status));
            Assert.That(response.Json?["errors"]?.AsArray().Select(e => e?["field"]?.GetValue<string>()), Does.Contain(field), response.Body);
        });
    }

    [Test]
    public async Task BodyOverTheFunctionLimit_Is413Problem()
    {
        var body = SubmitBody(ValidInput.Replace("\"d\"", "\"" + new string('x', 70_000) + "\"", StringComparison.Ordinal));

        var response = await UnchangedAfterAsync(() => _client.SendAsync(HttpMethod.Post, "/jobs", body));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(413), response.ToString()[..Math.Min(300, response.ToString().Length)]);
            Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task BodyOverTheApiGatewayLimit_Is413Message()
    {
        var body = SubmitBody("\"" + new string('x', 11 * 1024 * 1024) + "\"");

        var response = await UnchangedAfterAsync(() => _client.SendAsync(HttpMethod.Post, "/jobs", body));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(413), response.ToString());
            Assert.That(response.Body, Is.EqualTo("""{"message":"Request Entity Too Large"}"""));
        });
    }

    [TestCase("GET", "/nowhere", TestName = "UnknownRoute_Is404Message")]
    [TestCase("DELETE", "/jobs", TestName = "UnknownMethodOnJobs_Is404Message")]
    [TestCase("PUT", "/jobs/{id}", TestName = "UnknownMethodOnAJob_Is404Message")]
    [TestCase("GET", "/jobs/{id}/approval", TestName = "GetOnAPostOnlyRoute_Is404Message")]
    public async Task UnknownRouteOrMethod_Is404Message(string method, string path)
    {
        var response = await UnchangedAfterAsync(() => _client.SendAsync(new HttpMethod(method), path.Replace("{id}", _jobId, StringComparison.Ordinal), "{}"));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(404), response.ToString());
            Assert.That(response.Body, Is.EqualTo("""{"message":"Not Found"}"""));
        });
    }

    [TestCase("", TestName = "MissingToken_Is401")]
    [TestCase("Bearer not-a-jwt", TestName = "GarbageToken_Is401")]
    [TestCase("Basic dXNlcjpwYXNz", TestName = "BasicCredentials_Are401")]
    [TestCase("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJtYWxsb3J5In0.", TestName = "UnsignedAlgNoneToken_Is401")]
    public async Task InvalidToken_Is401Message(string authorization)
    {
        var response = await UnchangedAfterAsync(() => _client.SendAsync(HttpMethod.Post, "/jobs", PurchaseRequests.Small("mallory").ToJsonString(), authorization: authorization));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(401), response.ToString());
            Assert.That(response.Body, Is.EqualTo("""{"message":"Unauthorized"}"""));
        });
    }

    [Test]
    public async Task TamperedToken_Is401Message()
    {
        // Another subject's claims under this token's signature.
        var parts = _client.Token.Split('.');
        var claims = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlDecode(parts[1])))!.AsObject();
        claims["sub"] = "someone-else";
        var forged = parts[0] + "." + Base64UrlEncode(Encoding.UTF8.GetBytes(claims.ToJsonString())) + "." + parts[2];

        var response = await UnchangedAfterAsync(() => _client.SendAsync(HttpMethod.Get, "/jobs", null, authorization: "Bearer " + forged));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(401), response.ToString());
            Assert.That(response.Body, Is.EqualTo("""{"message":"Unauthorized"}"""));
        });
    }

    [TestCase("""{"decision":"MAYBE","comment":"x"}""", 400, TestName = "UnknownDecision_Is400")]
    [TestCase("""{"decision":42}""", 400, TestName = "DecisionOfWrongJsonType_Is400")]
    [TestCase("""{"decision":"APPROVE",""", 400, TestName = "MalformedApprovalJson_Is400")]
    public async Task BadApprovalBody_IsAProblem(string body, int status)
    {
        var approver = await _app.UserAsync("bad-input-approver", "approvers");

        var response = await UnchangedAfterAsync(() => approver.SendAsync(HttpMethod.Post, $"/jobs/{_jobId}/approval", body));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(status), response.ToString());
            Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task ApprovalByANonApprover_Is403_AndAnotherClientsJobIs404()
    {
        var stranger = await _app.UserAsync("bad-input-stranger");

        var decide = await UnchangedAfterAsync(() => stranger.DecideAsync(_jobId, "APPROVE", "let me"));
        var approvals = await UnchangedAfterAsync(stranger.ListApprovalsAsync);
        var peek = await UnchangedAfterAsync(() => stranger.GetJobAsync(_jobId));
        var cancel = await UnchangedAfterAsync(() => stranger.CancelAsync(_jobId));

        Assert.Multiple(() =>
        {
            Assert.That(decide.Code, Is.EqualTo(403), decide.ToString());
            Assert.That(approvals.Code, Is.EqualTo(403), approvals.ToString());
            Assert.That(peek.Code, Is.EqualTo(404), peek.ToString());
            Assert.That(cancel.Code, Is.EqualTo(404), cancel.ToString());
            Assert.That(new[] { decide, approvals, peek, cancel }.Select(r => r.ContentType), Is.All.EqualTo("application/problem+json"));
        });
    }

    [TestCase("?limit=abc", TestName = "NonNumericLimit_Is400")]
    [TestCase("?limit=-1", TestName = "NegativeLimit_Is400")]
    [TestCase("?nextToken=%%%not-a-token", TestName = "ForgedNextToken_Is400")]
    public async Task BadListQuery_Is400Problem(string query)
    {
        var response = await UnchangedAfterAsync(() => _client.ListJobsAsync(query));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(400), response.ToString());
            Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task BadIdempotencyKey_Is400Problem()
    {
        var response = await UnchangedAfterAsync(() => _client.SubmitAsync(PurchaseRequests.Small(_client.Subject), new string('k', 1000)));

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(400), response.ToString());
            Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        });
    }

    /// <summary>Runs a bad request and checks it got no 5xx and left the client's jobs exactly as they were.</summary>
    private async Task<ApiResponse> UnchangedAfterAsync(Func<Task<ApiResponse>> badRequest)
    {
        var before = (await _client.ListJobsAsync()).Body;
        var response = await badRequest();
        var after = (await _client.ListJobsAsync()).Body;

        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.InRange(400, 499), "never a 5xx: " + response);
            Assert.That(after, Is.EqualTo(before), "stored data unchanged");
        });
        return response;
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
