using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workflow.Aws.Tests.Support;
using Workflow.DynamoDbServer;
using Workflow.Testing;

namespace Workflow.Aws.Tests.DynamoDbServer;

public sealed class DynaliteServerTests
{
    private string _scratch = null!;

    [SetUp]
    public void CreateScratch()
    {
        _scratch = Path.Combine(Path.GetTempPath(), "dynalite-tests-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void DeleteScratch()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    private static AmazonDynamoDBClient Client(DynaliteServer server) =>
        new(LocalDynamoDb.Credentials, new AmazonDynamoDBConfig { ServiceURL = server.Endpoint.ToString(), AuthenticationRegion = LocalDynamoDb.Region });

    [Test]
    public async Task WithDataDirectory_KeepsDataAcrossRestart()
    {
        var options = new DynaliteOptions { DataDirectory = Path.Combine(_scratch, "data") };
        await using (var first = await DynaliteServer.StartAsync(options))
        {
            using var client = Client(first);
            await Tables.CreateAsync(client, "jobs");
            var item = Tables.Key("JOB#7", "JOB");
            item["status"] = new AttributeValue { S = "AWAITING_APPROVAL" };
            await client.PutItemAsync(new PutItemRequest { TableName = "jobs", Item = item });
        }

        await using var second = await DynaliteServer.StartAsync(options);
        using var reopened = Client(second);
        var read = await reopened.GetItemAsync(new GetItemRequest { TableName = "jobs", Key = Tables.Key("JOB#7", "JOB"), ConsistentRead = true });

        Assert.That(read.Item["status"].S, Is.EqualTo("AWAITING_APPROVAL"));
    }

    [Test]
    public async Task InMemory_StartsEmptyEachTime()
    {
        await using (var first = await DynaliteServer.StartAsync(new DynaliteOptions()))
        {
            using var client = Client(first);
            await Tables.CreateAsync(client, "jobs");
        }

        await using var second = await DynaliteServer.StartAsync(new DynaliteOptions());
        using var fresh = Client(second);

        Assert.That((await fresh.ListTablesAsync()).TableNames ?? [], Is.Empty);
    }

    [Test]
    public async Task Dispose_StopsTheNodeProcess()
    {
        var server = await DynaliteServer.StartAsync(new DynaliteOptions());
        var process = System.Diagnostics.Process.GetProcessById(server.ProcessId);

        await server.DisposeAsync();

        Assert.That(process.HasExited, Is.True);
    }

    [Test]
    public async Task ExplicitPort_IsUsed()
    {
        var port = FreePort.Next();

        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions { Port = port });

        Assert.That(server.Port, Is.EqualTo(port));
        Assert.That(server.Endpoint, Is.EqualTo(new Uri($"http://127.0.0.1:{port}/")));
    }

    [Test]
    public void PortInUse_IsReportedAsPortInUse()
    {
        using var blocker = new TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;

        var error = Assert.ThrowsAsync<PortInUseException>(() => DynaliteServer.StartAsync(new DynaliteOptions { Port = port }));

        Assert.That(error!.Port, Is.EqualTo(port));
        Assert.That(error.Message, Does.Contain($"Port {port} is already in use"));
    }

    [Test]
    public void MissingNode_IsAClearError()
    {
        var error = Assert.ThrowsAsync<DynamoDbServerException>(
            () => DynaliteServer.StartAsync(new DynaliteOptions { NodeExecutable = "node-that-does-not-exist-42" }));

        Assert.That(error!.Message, Does.Contain("node-that-does-not-exist-42").And.Contain("not found"));
    }

    [Test]
    public void DynaliteNotInstalled_NamesTheFolderAndTheFix()
    {
        Directory.CreateDirectory(_scratch);
        File.WriteAllText(Path.Combine(_scratch, "launch.js"), "// launcher without an install");

        var error = Assert.ThrowsAsync<DynamoDbServerException>(
            () => DynaliteServer.StartAsync(new DynaliteOptions { DynaliteDirectory = _scratch }));

        Assert.That(error!.Message, Does.Contain("npm ci").And.Contain(_scratch));
    }

    [Test]
    public async Task DataDirectoryInUse_IsAClearError()
    {
        var options = new DynaliteOptions { DataDirectory = Path.Combine(_scratch, "data") };
        await using var owner = await DynaliteServer.StartAsync(options);

        var error = Assert.ThrowsAsync<DynamoDbServerException>(() => DynaliteServer.StartAsync(options));

        Assert.That(error!.Message, Does.Contain("another server"));
    }

    [Test]
    public async Task Log_ReceivesReadyLine()
    {
        var lines = new List<string>();

        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions { Log = line => { lock (lines) { lines.Add(line); } } });

        lock (lines)
        {
            Assert.That(lines, Has.Some.Contains($"dynalite ready at {server.Endpoint}"));
        }
    }

    [Test]
    public async Task RegionAndAccount_AppearInTableArns()
    {
        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions { Region = "eu-west-1", AccountId = "123456789012" });
        using var client = Client(server);

        await Tables.CreateAsync(client, "jobs");
        var table = (await client.DescribeTableAsync("jobs")).Table;

        Assert.That(table.TableArn, Is.EqualTo("arn:aws:dynamodb:eu-west-1:123456789012:table/jobs"));
    }
}
