using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Workflow.DynamoDbServer;

namespace Workflow.Testing;

/// <summary>
/// An in-memory dynalite server on a free loopback port, for tests that need the real DynamoDB protocol. Starting one
/// takes a few hundred milliseconds: share one per fixture ([OneTimeSetUp]) or per test run (<see cref="SharedAsync"/>)
/// and give each test its own table (<see cref="UniqueTableName"/>).
/// </summary>
public sealed class LocalDynamoDb : IAsyncDisposable
{
    /// <summary>The region clients are configured with; dynalite builds table ARNs from it.</summary>
    public const string Region = "us-east-1";

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static LocalDynamoDb? _shared;

    private readonly DynaliteServer _server;
    private readonly bool _isShared;

    private LocalDynamoDb(DynaliteServer server, bool isShared)
    {
        _server = server;
        _isShared = isShared;
    }

    public Uri Endpoint => _server.Endpoint;

    /// <summary>Credentials the server accepts (dynalite does not check them, but the SDK needs some to sign).</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("AKIDLOCALTESTING", "local-testing-secret");

    /// <summary>Starts a server of its own; in memory unless a data directory is given (to test persistence).</summary>
    public static async Task<LocalDynamoDb> StartAsync(string? dataDirectory = null, CancellationToken ct = default)
    {
        var server = await DynaliteServer.StartAsync(
            new DynaliteOptions { Port = 0, DataDirectory = dataDirectory, Log = TestLog.Write },
            ct).ConfigureAwait(false);
        return new LocalDynamoDb(server, isShared: false);
    }

    /// <summary>
    /// One in-memory server for the whole test process, started on first use. Disposing it does nothing; the node
    /// process ends when the test process does (the launcher exits when its stdin closes).
    /// </summary>
    public static async Task<LocalDynamoDb> SharedAsync(CancellationToken ct = default)
    {
        await SharedGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_shared is null || _shared._server.HasExited)
            {
                var server = await DynaliteServer.StartAsync(new DynaliteOptions { Port = 0, Log = TestLog.Write }, ct).ConfigureAwait(false);
                _shared = new LocalDynamoDb(server, isShared: true);
            }

            return _shared;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>A table name no other test uses, such as <c>jobs-3f2a9c…</c>.</summary>
    public static string UniqueTableName(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A client for this server; dispose it when done.</summary>
    public AmazonDynamoDBClient CreateClient() =>
        new(Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = Region,
            MaxErrorRetry = 2,
        });

    /// <summary>Creates a table and returns once it is ACTIVE.</summary>
    public async Task CreateTableAsync(CreateTableRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var client = CreateClient();
        await client.CreateTableAsync(request, ct).ConfigureAwait(false);
        await Eventually.Until(
            async () => (await client.DescribeTableAsync(request.TableName, ct).ConfigureAwait(false)).Table.TableStatus == TableStatus.ACTIVE,
            TimeSpan.FromSeconds(10),
            $"table {request.TableName} becomes ACTIVE").ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _isShared ? ValueTask.CompletedTask : _server.DisposeAsync();
}
