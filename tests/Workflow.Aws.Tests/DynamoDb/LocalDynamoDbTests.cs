using Amazon.DynamoDBv2.Model;
using Workflow.Aws.Tests.Support;
using Workflow.Testing;

namespace Workflow.Aws.Tests.DynamoDb;

public sealed class LocalDynamoDbTests
{
    [Test]
    public async Task LocalDynamoDb_StoresAndReturnsAnItem()
    {
        await using var dynamo = await LocalDynamoDb.StartAsync();
        using var client = dynamo.CreateClient();
        await Tables.CreateAsync(client, "jobs");

        var item = Tables.Key("JOB#1", "JOB");
        item["status"] = new AttributeValue { S = "ACCEPTED" };
        item["title"] = new AttributeValue { S = "Bürostühle ✓" };
        await client.PutItemAsync(new PutItemRequest { TableName = "jobs", Item = item });
        var read = await client.GetItemAsync(new GetItemRequest { TableName = "jobs", Key = Tables.Key("JOB#1", "JOB"), ConsistentRead = true });

        Assert.Multiple(() =>
        {
            Assert.That(dynamo.Endpoint.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(read.Item["status"].S, Is.EqualTo("ACCEPTED"));
            Assert.That(read.Item["title"].S, Is.EqualTo("Bürostühle ✓"));
        });
    }

    [Test]
    public async Task LocalDynamoDb_ConditionalWriteConflict_IsReportedAsConditionalCheckFailed()
    {
        await using var dynamo = await LocalDynamoDb.StartAsync();
        using var client = dynamo.CreateClient();
        await Tables.CreateAsync(client, "jobs");
        var put = new PutItemRequest { TableName = "jobs", Item = Tables.Key("JOB#1", "JOB"), ConditionExpression = "attribute_not_exists(pk)" };
        await client.PutItemAsync(put);

        Assert.ThrowsAsync<ConditionalCheckFailedException>(() => client.PutItemAsync(put));
    }

    [Test]
    public async Task TwoLocalDynamoDbs_AreIsolated()
    {
        await using var first = await LocalDynamoDb.StartAsync();
        await using var second = await LocalDynamoDb.StartAsync();
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        await Tables.CreateAsync(firstClient, "only-in-first");

        Assert.That(first.Endpoint, Is.Not.EqualTo(second.Endpoint));
        Assert.That((await secondClient.ListTablesAsync()).TableNames ?? [], Is.Empty);
    }
}
