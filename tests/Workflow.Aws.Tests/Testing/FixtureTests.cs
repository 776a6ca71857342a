using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workflow.Testing;

namespace Workflow.Aws.Tests.Testing;

public sealed class FixtureTests
{
    [Test]
    public void FreePort_CanBeBound()
    {
        var port = FreePort.Next();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();

        Assert.That(((IPEndPoint)listener.LocalEndpoint).Port, Is.EqualTo(port));
    }

    [Test]
    public async Task Eventually_ReturnsOnceTheConditionHolds()
    {
        var calls = 0;

        await Eventually.Until(() => ++calls >= 3, TimeSpan.FromSeconds(10), "three polls");

        Assert.That(calls, Is.EqualTo(3));
    }

    [Test]
    public void Eventually_WhenConditionNeverHolds_TimesOutQuotingTheReason()
    {
        var error = Assert.ThrowsAsync<TimeoutException>(() => Eventually.Until(() => false, TimeSpan.Zero, "the job reaches SUCCEEDED"));

        Assert.That(error!.Message, Does.Contain("the job reaches SUCCEEDED"));
    }

    [Test]
    public async Task EventuallyValue_ReturnsTheFirstNonNullValue()
    {
        var calls = 0;

        var value = await Eventually.Value(() => Task.FromResult(++calls < 2 ? null : "ready"), TimeSpan.FromSeconds(10), "a value");

        Assert.That(value, Is.EqualTo("ready"));
    }

    [Test]
    public void RepoPaths_FindTheSolutionFolderAndSharedData()
    {
        Assert.That(File.Exists(Path.Combine(RepoPaths.Root, "Workflow.sln")), Is.True);
        Assert.That(RepoPaths.SharedConformance, Does.EndWith(Path.Combine("shared", "conformance")));
        Assert.That(RepoPaths.InRepo("functions", "Workflow.Aws"), Does.Exist);
    }

    [Test]
    public async Task SharedLocalDynamoDb_IsOneServerThatSurvivesDispose()
    {
        var first = await LocalDynamoDb.SharedAsync();
        await first.DisposeAsync();
        var second = await LocalDynamoDb.SharedAsync();
        var table = LocalDynamoDb.UniqueTableName("shared");

        await second.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH)],
        });
        using var client = second.CreateClient();

        Assert.That(second, Is.SameAs(first));
        Assert.That((await client.DescribeTableAsync(table)).Table.TableStatus, Is.EqualTo(TableStatus.ACTIVE));
    }
}
