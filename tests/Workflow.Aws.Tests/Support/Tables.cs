using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Workflow.Aws.Tests.Support;

internal static class Tables
{
    /// <summary>Creates a table keyed like the application's (pk, sk) and waits until it is ACTIVE.</summary>
    public static async Task CreateAsync(IAmazonDynamoDB client, string name)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });
        await Workflow.Testing.Eventually.Until(
            async () => (await client.DescribeTableAsync(name)).Table.TableStatus == TableStatus.ACTIVE,
            TimeSpan.FromSeconds(10),
            $"table {name} becomes ACTIVE");
    }

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        ["pk"] = new AttributeValue { S = pk },
        ["sk"] = new AttributeValue { S = sk },
    };
}
