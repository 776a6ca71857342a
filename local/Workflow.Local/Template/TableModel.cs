namespace Workflow.Local.Template;

/// <summary>An <c>AWS::DynamoDB::Table</c> (or <c>AWS::Serverless::SimpleTable</c>): enough to call CreateTable.</summary>
public sealed record TableModel(
    string LogicalId,
    string TableName,
    string Arn,
    IReadOnlyList<KeySchemaElementModel> KeySchema,
    IReadOnlyList<AttributeDefinitionModel> AttributeDefinitions,
    IReadOnlyList<SecondaryIndexModel> GlobalSecondaryIndexes,
    IReadOnlyList<SecondaryIndexModel> LocalSecondaryIndexes,
    string BillingMode,
    ProvisionedThroughputModel? ProvisionedThroughput,
    string? TimeToLiveAttribute,
    string? StreamViewType);

/// <summary><see cref="KeyType"/> is <c>HASH</c> or <c>RANGE</c>.</summary>
public sealed record KeySchemaElementModel(string AttributeName, string KeyType);

/// <summary><see cref="AttributeType"/> is <c>S</c>, <c>N</c> or <c>B</c>.</summary>
public sealed record AttributeDefinitionModel(string AttributeName, string AttributeType);

/// <summary>A GSI or LSI; <see cref="ProjectionType"/> is <c>ALL</c>, <c>KEYS_ONLY</c> or <c>INCLUDE</c>.</summary>
public sealed record SecondaryIndexModel(
    string IndexName,
    IReadOnlyList<KeySchemaElementModel> KeySchema,
    string ProjectionType,
    IReadOnlyList<string> NonKeyAttributes,
    ProvisionedThroughputModel? ProvisionedThroughput);

public sealed record ProvisionedThroughputModel(long ReadCapacityUnits, long WriteCapacityUnits);
