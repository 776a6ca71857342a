using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Workflow.Domain;
using Workflow.Functions.Api;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Storage;

namespace Workflow.Functions.Tests.Support;

/// <summary>The functions wired to a fresh table on the shared dynalite server, with recording fakes for AWS calls.</summary>
public sealed class TestApp
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private TestApp(AmazonDynamoDBClient dynamoDb, string table, FunctionSettings settings)
    {
        DynamoDb = dynamoDb;
        Table = table;
        Store = new DynamoDbJobStore(dynamoDb, table);
        Dependencies = With(Store, settings);
    }

    public AmazonDynamoDBClient DynamoDb { get; }
    public string Table { get; }
    public DynamoDbJobStore Store { get; }
    public RecordingEventPublisher Events { get; } = new();
    public RecordingWorkflowControl Workflow { get; } = new();
    public ManualClock Clock { get; } = new(Start);
    public StringWriter Log { get; } = new();
    public FunctionDependencies Dependencies { get; }

    /// <summary>The same wiring with <paramref name="jobs"/> in front of the real store (to inject races or outages).</summary>
    public FunctionDependencies DependenciesWith(IJobStore jobs) => With(jobs, Dependencies.Settings);

    /// <summary>The same wiring with every job and budget access going through <paramref name="client"/>.</summary>
    public FunctionDependencies DependenciesOn(IAmazonDynamoDB client)
    {
        var store = new DynamoDbJobStore(client, Table);
        return With(store, Dependencies.Settings, store);
    }

    private FunctionDependencies With(IJobStore jobs, FunctionSettings settings, IBudgetStore? budgets = null) => new()
    {
        Jobs = jobs,
        Budgets = budgets ?? Store,
        Events = Events,
        Workflow = Workflow,
        Settings = settings,
        Time = Clock,
        LogOutput = Log,
    };

    public static async Task<TestApp> StartAsync(Func<FunctionSettings, FunctionSettings>? configure = null)
    {
        var client = await SharedDynamoDb.ClientAsync();
        var table = await SharedDynamoDb.CreateTableAsync();
        var settings = new FunctionSettings
        {
            TableName = table,
            EventBusName = "workflow-test",
            ApprovalThreshold = 1000m,
            MaxBodyBytes = 4096,
            StaleAfter = TimeSpan.FromMinutes(5),
            BlockedVendors = ["Blocked Vendor Inc"],
        };
        return new TestApp(client, table, configure?.Invoke(settings) ?? settings);
    }

    public static string Body(decimal unitPrice = 100m, string vendor = "ACME Ltd", string requester = "alice@example.com", string currency = "EUR", string costCentre = "CC-100") =>
        new JsonObject
        {
            ["type"] = "purchase-request",
            ["input"] = Input(unitPrice, vendor, requester, currency, costCentre),
        }.ToJsonString();

    public static JsonObject Input(decimal unitPrice = 100m, string vendor = "ACME Ltd", string requester = "alice@example.com", string currency = "EUR", string costCentre = "CC-100") => new()
    {
        ["requester"] = requester,
        ["costCentre"] = costCentre,
        ["vendor"] = vendor,
        ["currency"] = currency,
        ["lines"] = new JsonArray(new JsonObject { ["description"] = "Laptop stand", ["quantity"] = 1, ["unitPrice"] = unitPrice }),
    };

    /// <summary>Submits through the API handler and returns the new job's id.</summary>
    public async Task<string> SubmitAsync(string clientId, string? body = null)
    {
        var response = await InvokeAsync(new SubmitJobHandler(Dependencies).HandleAsync, ApiRequests.Post("/jobs", body ?? Body(), clientId));
        Assert.That(response.Status, Is.EqualTo(202), response.Body);
        return response.Json!["jobId"]!.GetValue<string>();
    }

    /// <summary>Moves a stored job along as the state machine would (claim, decision, waiting for approval).</summary>
    public async Task<string> AwaitingApprovalAsync(string clientId, string token = "task-token-1", decimal unitPrice = 5000m)
    {
        var jobId = await SubmitAsync(clientId, Body(unitPrice));
        await ClaimAsync(jobId);
        await new Workflow.Functions.Steps.RequestApprovalHandler(Dependencies).HandleAsync(Stream(
            new JsonObject { ["taskToken"] = token, ["jobId"] = jobId, ["decision"] = new JsonObject { ["needsApproval"] = true, ["autoReject"] = false, ["total"] = unitPrice * 1.2m, ["currency"] = "EUR", ["reasons"] = new JsonArray("over threshold") } }.ToJsonString()));
        return jobId;
    }

    public async Task ClaimAsync(string jobId, string? executionArn = null)
    {
        var claimed = await Store.TryTransitionAsync(jobId, JobStatus.Accepted, JobStatus.Running, Clock.GetUtcNow(), null, CancellationToken.None);
        Assert.That(claimed, Is.True, "claim ACCEPTED → RUNNING");
        if (executionArn is not null)
        {
            await DynamoDb.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
            {
                TableName = Table,
                Key = new() { ["pk"] = new() { S = $"JOB#{jobId}" }, ["sk"] = new() { S = "JOB" } },
                UpdateExpression = "SET executionArn = :arn",
                ExpressionAttributeValues = new() { [":arn"] = new() { S = executionArn } },
            });
        }
    }

    public async Task<JobRecord> JobAsync(string jobId) =>
        await Store.GetJobAsync(jobId, CancellationToken.None) ?? throw new AssertionException($"job {jobId} not stored");

    public static async Task<ApiResponse> InvokeAsync(Func<Stream, Task<Stream>> handler, string eventJson)
    {
        var output = await handler(Stream(eventJson));
        using var reader = new StreamReader(output);
        var envelope = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var headers = envelope["headers"]?.AsObject().ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value!.GetValue<string>()) ?? [];
        var body = envelope["body"]?.GetValue<string>();
        // Only JSON bodies are parsed (the console also serves HTML, scripts and styles).
        var isJson = headers.TryGetValue("content-type", out var type) && type.Contains("json", StringComparison.Ordinal);
        return new ApiResponse(envelope["statusCode"]!.GetValue<int>(), headers, body, isJson && body is { Length: > 0 } ? JsonNode.Parse(body) : null);
    }

    public static async Task<JsonNode?> InvokeStepAsync(Func<Stream, Task<Stream>> handler, string payloadJson)
    {
        var output = await handler(Stream(payloadJson));
        using var reader = new StreamReader(output);
        return JsonNode.Parse(await reader.ReadToEndAsync());
    }

    public static Stream Stream(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));
}

public sealed record ApiResponse(int Status, Dictionary<string, string> Headers, string? Body, JsonNode? Json)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());

    public string? ContentType => Header("content-type");
}
