using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Workflow.Functions.Storage;

/// <summary>The jobs table as template.yaml declares it; local runtimes and tests create it from here.</summary>
public static class JobTableSchema
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";
    public const string ClientIndex = "GSI1";
    public const string StatusIndex = "GSI2";
    public const string TimeToLiveAttribute = "expiresAt";

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SortKey, ScalarAttributeType.S),
            new AttributeDefinition("gsi1pk", ScalarAttributeType.S),
            new AttributeDefinition("gsi1sk", ScalarAttributeType.S),
            new AttributeDefinition("gsi2pk", ScalarAttributeType.S),
            new AttributeDefinition("gsi2sk", ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(PartitionKey, KeyType.HASH),
            new KeySchemaElement(SortKey, KeyType.RANGE),
        ],
        GlobalSecondaryIndexes =
        [
            Index(ClientIndex, "gsi1pk", "gsi1sk"),
            Index(StatusIndex, "gsi2pk", "gsi2sk"),
        ],
    };

    private static GlobalSecondaryIndex Index(string name, string hash, string range) => new()
    {
        IndexName = name,
        KeySchema = [new KeySchemaElement(hash, KeyType.HASH), new KeySchemaElement(range, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };
}
