using System.Text.Json.Nodes;
using Workflow.Functions.Api;
using Workflow.Functions.Tests.Support;
using Workflow.Testing;

namespace Workflow.Functions.Tests.Infrastructure;

/// <summary>
/// The handlers as the Lambda runtime creates them: parameterless constructors, configuration from the environment,
/// DynamoDB reached through AWS_ENDPOINT_URL_DYNAMODB. EventBridge points at a closed port, so the submit also shows
/// that an unreachable bus does not lose the job.
/// </summary>
[NonParallelizable]
public class EnvironmentWiringTests
{
    private static readonly string[] Variables =
    [
        "JOBS_TABLE_NAME", "EVENT_BUS_NAME", "AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
        "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_EVENTBRIDGE", "AWS_ENDPOINT_URL_SFN", "AWS_MAX_ATTEMPTS",
    ];

    private readonly Dictionary<string, string?> saved = [];

    [SetUp]
    public void SaveEnvironment()
    {
        foreach (var name in Variables)
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
        }
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Test]
    public async Task ParameterlessHandlers_SubmitAndGet_WorkAgainstTheConfiguredEndpoint()
    {
        await SharedDynamoDb.ClientAsync();
        var table = await SharedDynamoDb.CreateTableAsync();
        var closedPort = FreePort.Next();
        Environment.SetEnvironmentVariable("JOBS_TABLE_NAME", table);
        Environment.SetEnvironmentVariable("EVENT_BUS_NAME", "workflow-test");
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALTESTING");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-testing-secret");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", SharedDynamoDb.Endpoint!.ToString());
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_EVENTBRIDGE", $"http://127.0.0.1:{closedPort}");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SFN", $"http://127.0.0.1:{closedPort}");
        Environment.SetEnvironmentVariable("AWS_MAX_ATTEMPTS", "1");

        var submitted = await TestApp.InvokeAsync(new SubmitJobHandler().HandleAsync, ApiRequests.Post("/jobs", TestApp.Body(), "client-env"));
        Assert.That(submitted.Status, Is.EqualTo(202), submitted.Body);
        var jobId = submitted.Json!["jobId"]!.GetValue<string>();

        var fetched = await TestApp.InvokeAsync(new GetJobHandler().HandleAsync, ApiRequests.Get($"/jobs/{jobId}", "client-env", pathParameters: ApiRequests.Id(jobId)));

        Assert.That(fetched.Status, Is.EqualTo(200), fetched.Body);
        Assert.That(fetched.Json!["status"]!.GetValue<string>(), Is.EqualTo("ACCEPTED"));
        Assert.That(JsonNode.Parse(fetched.Body!)!["input"]!["vendor"]!.GetValue<string>(), Is.EqualTo("ACME Ltd"));
    }
}
