using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Workflow.DynamoDbServer;

namespace Workflow.Testing;

/// <summary>An in-memory dynalite server on a free loopback port, for tests that need a real DynamoDB protocol.</summary>
public sealed class LocalDynamoDb : IAsyncDisposable
{
    /// <summary>The region clients are configured with; dynalite builds table ARNs from it.</summary>
    public const string Region = "us-east-1";

    private readonly DynaliteServer _server;

    private LocalDynamoDb(DynaliteServer server)
    {
        _server = server;
    }

    public Uri Endpoint => _server.Endpoint;

    /// <summary>Credentials the server accepts (dynalite does not check them, but the SDK needs some to sign).</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("AKIDLOCALTESTING", "local-testing-secret");

    /// <summary>Starts an in-memory server; pass a data directory to test persistence instead.</summary>
    public static async Task<LocalDynamoDb> StartAsync(string? dataDirectory = null, CancellationToken ct = default)
    {
        var server = await DynaliteServer.StartAsync(
            new DynaliteOptions { Port = 0, DataDirectory = dataDirectory, Log = TestLog.Write },
            ct).ConfigureAwait(false);
        return new LocalDynamoDb(server);
    }

    /// <summary>A client for this server; dispose it when done.</summary>
    public AmazonDynamoDBClient CreateClient() =>
        new(Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = Region,
            MaxErrorRetry = 2,
        });

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
