using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workflow.Functions.Storage;
using Workflow.Testing;

namespace Workflow.Functions.Tests.Support;

/// <summary>One dynalite server for the whole run, started on first use; every test gets its own fresh table.</summary>
public static class SharedDynamoDb
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalDynamoDb? server;
    private static AmazonDynamoDBClient? client;
    private static int tableCounter;

    /// <summary>The server's endpoint once <see cref="ClientAsync"/> started it.</summary>
    public static Uri? Endpoint => server?.Endpoint;

    public static async Task<AmazonDynamoDBClient> ClientAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (client is null)
            {
                server = await LocalDynamoDb.StartAsync();
                client = server.CreateClient();
            }

            return client;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates the jobs table (schema from <see cref="JobTableSchema"/>) under a new name and waits until it is active.</summary>
    public static async Task<string> CreateTableAsync()
    {
        var dynamo = await ClientAsync();
        var name = $"jobs-{Interlocked.Increment(ref tableCounter)}-{Guid.NewGuid():N}";
        await dynamo.CreateTableAsync(JobTableSchema.CreateTableRequest(name));
        await Eventually.Until(
            async () => (await dynamo.DescribeTableAsync(name)).Table.TableStatus == TableStatus.ACTIVE,
            TimeSpan.FromSeconds(30),
            $"table {name} becomes ACTIVE");
        return name;
    }

    public static async Task StopAsync()
    {
        client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        client = null;
        server = null;
    }
}

/// <summary>Stops the shared server after all tests (it is only started if some test used it).</summary>
[SetUpFixture]
public sealed class SharedDynamoDbShutdown
{
    [OneTimeTearDown]
    public Task StopServer() => SharedDynamoDb.StopAsync();
}
