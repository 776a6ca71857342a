using Workflow.Aws.Tests.Support;
using Workflow.Testing;

namespace Workflow.Aws.Tests.DynamoDb;

[NonParallelizable]
public sealed class DynamoDbClientFactoryTests
{
    private static EnvironmentScope FakeAwsEnvironment() => new EnvironmentScope()
        .Set("AWS_REGION", "us-east-1")
        .Set("AWS_ACCESS_KEY_ID", "AKIDLOCALTESTING")
        .Set("AWS_SECRET_ACCESS_KEY", "local-testing-secret")
        .Set("AWS_SESSION_TOKEN", null)
        .Set("AWS_ENDPOINT_URL", null)
        .Set("AWS_ENDPOINT_URL_DYNAMODB", null)
        .Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", null);

    [Test]
    public async Task Create_WithServiceSpecificEndpointVariable_TalksToThatServer()
    {
        await using var dynamo = await LocalDynamoDb.StartAsync();
        using var environment = FakeAwsEnvironment()
            .Set("AWS_ENDPOINT_URL", "http://127.0.0.1:9") // must lose to the service-specific variable
            .Set("AWS_ENDPOINT_URL_DYNAMODB", dynamo.Endpoint.ToString());

        using var client = DynamoDbClientFactory.Create();
        await Tables.CreateAsync(client, "via-specific");

        Assert.That((await client.ListTablesAsync()).TableNames, Is.EqualTo(new[] { "via-specific" }));
    }

    [Test]
    public async Task Create_WithGlobalEndpointVariable_TalksToThatServer()
    {
        await using var dynamo = await LocalDynamoDb.StartAsync();
        using var environment = FakeAwsEnvironment().Set("AWS_ENDPOINT_URL", dynamo.Endpoint.ToString());

        using var client = DynamoDbClientFactory.Create();
        await Tables.CreateAsync(client, "via-global");

        Assert.That((await client.ListTablesAsync()).TableNames, Is.EqualTo(new[] { "via-global" }));
    }

    [Test]
    public void Create_WithoutEndpointVariables_UsesRegionalEndpoint()
    {
        using var environment = FakeAwsEnvironment();

        using var client = DynamoDbClientFactory.Create();

        // The SDK caches the region it read first in the process, so only the absence of an override is checked here.
        Assert.That(client.Config.ServiceURL, Is.Null);
        Assert.That(client.Config.RegionEndpoint, Is.Not.Null);
    }

    [Test]
    public async Task Create_WithExplicitUrl_TalksToThatServer()
    {
        await using var dynamo = await LocalDynamoDb.StartAsync();
        using var environment = FakeAwsEnvironment();

        using var client = DynamoDbClientFactory.Create(dynamo.Endpoint);
        await Tables.CreateAsync(client, "explicit");

        Assert.That(client.Config.ServiceURL, Is.EqualTo(dynamo.Endpoint.ToString()));
        Assert.That((await client.ListTablesAsync()).TableNames, Is.EqualTo(new[] { "explicit" }));
    }

    [Test]
    public void Create_WithAttemptLimits_BoundsEachAttemptAndTheRetries()
    {
        using var environment = FakeAwsEnvironment();

        using var client = DynamoDbClientFactory.Create(TimeSpan.FromSeconds(2), maxAttempts: 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.Config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(2)), "the SDK's own default is 100 s, longer than any function timeout");
            Assert.That(client.Config.MaxErrorRetry, Is.EqualTo(3));
        }
    }
}
