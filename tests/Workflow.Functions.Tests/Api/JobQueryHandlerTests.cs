using Workflow.Functions.Api;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.Api;

public class JobQueryHandlerTests
{
    private TestApp app = null!;

    [SetUp]
    public async Task StartAsync() => app = await TestApp.StartAsync();

    private Task<ApiResponse> GetAsync(string jobId, string clientId) =>
        TestApp.InvokeAsync(new GetJobHandler(app.Dependencies).HandleAsync, ApiRequests.Get($"/jobs/{jobId}", clientId, pathParameters: ApiRequests.Id(jobId)));

    private Task<ApiResponse> ListAsync(string clientId, Dictionary<string, string>? query = null) =>
        TestApp.InvokeAsync(new ListJobsHandler(app.Dependencies).HandleAsync, ApiRequests.Get("/jobs", clientId, query: query));

    [Test]
    public async Task GetJob_OwnJob_ReturnsTheJobView()
    {
        var jobId = await app.SubmitAsync("client-a");

        var response = await GetAsync(jobId, "client-a");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Json!["jobId"]!.GetValue<string>(), Is.EqualTo(jobId));
        Assert.That(response.Json["status"]!.GetValue<string>(), Is.EqualTo("ACCEPTED"));
        Assert.That(response.Json["input"]!["vendor"]!.GetValue<string>(), Is.EqualTo("ACME Ltd"));
        Assert.That(response.Json["createdAt"]!.GetValue<string>(), Is.EqualTo("2026-03-02T09:00:00.000Z"));
    }

    [Test]
    public async Task GetJob_AnotherClientsJob_Returns404()
    {
        var jobId = await app.SubmitAsync("client-a");

        var response = await GetAsync(jobId, "client-b");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task GetJob_UnknownOrMalformedId_Returns404()
    {
        Assert.That((await GetAsync("0123456789abcdef0123456789abcdef", "client-a")).Status, Is.EqualTo(404));
        Assert.That((await GetAsync("../../etc", "client-a")).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task GetJob_NeverShowsExecutionArnOrTaskToken()
    {
        var jobId = await app.AwaitingApprovalAsync("client-a", token: "secret-task-token");

        var response = await GetAsync(jobId, "client-a");

        Assert.That(response.Json!["status"]!.GetValue<string>(), Is.EqualTo("AWAITING_APPROVAL"));
        Assert.That(response.Body, Does.Not.Contain("secret-task-token").And.Not.Contain("executionArn").And.Not.Contain("gsi"));
        Assert.That(response.Json["decision"]!["needsApproval"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task ListJobs_PaginatesOwnJobsNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add(await app.SubmitAsync("client-a"));
        }

        await app.SubmitAsync("client-b");

        var seen = new List<string>();
        string? token = null;
        for (var page = 0; page < 5; page++)
        {
            var query = new Dictionary<string, string> { ["limit"] = "2" };
            if (token is not null)
            {
                query["nextToken"] = token;
            }

            var response = await ListAsync("client-a", query);
            Assert.That(response.Status, Is.EqualTo(200));
            seen.AddRange(response.Json!["items"]!.AsArray().Select(item => item!["jobId"]!.GetValue<string>()));
            token = response.Json["nextToken"]?.GetValue<string>();
            if (token is null)
            {
                break;
            }
        }

        ids.Reverse();
        Assert.That(seen, Is.EqualTo(ids));
    }

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("ten")]
    public async Task ListJobs_BadLimit_Returns400NamingLimit(string limit)
    {
        var response = await ListAsync("client-a", new() { ["limit"] = limit });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("limit"));
    }

    [TestCase("eyJwayI6IkpPQiMxIn0")]
    [TestCase("not base64 at all!")]
    public async Task ListJobs_ForgedNextToken_Returns400NamingNextToken(string token)
    {
        var response = await ListAsync("client-a", new() { ["nextToken"] = token });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("nextToken"));
    }

    [Test]
    public async Task ListJobs_TokenWithKeysDynamoDbRefuses_Returns400NamingNextToken()
    {
        var key = new System.Text.Json.Nodes.JsonObject { ["gsi1pk"] = "CLIENT#client-a", ["gsi1sk"] = "", ["pk"] = "", ["sk"] = "JOB" };
        var token = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(key.ToJsonString()));

        var response = await ListAsync("client-a", new() { ["nextToken"] = token });

        Assert.That(response.Status, Is.EqualTo(400), response.Body);
        Assert.That(response.Json!["errors"]![0]!["field"]!.GetValue<string>(), Is.EqualTo("nextToken"));
    }
}
