using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Workflow.Local.Template;

namespace Workflow.Local.Hosting;

/// <summary>Creates the template's tables on the DynamoDB endpoint when they are missing (CreateTable, then TTL).</summary>
public static class DynamoDbTables
{
    public static IAmazonDynamoDB CreateClient(Uri endpoint, string region) =>
        new AmazonDynamoDBClient(
            new BasicAWSCredentials("AKIALOCALRUNTIME0000", "local-runtime-secret-access-key"),
            new AmazonDynamoDBConfig
            {
                ServiceURL = endpoint.ToString(),
                AuthenticationRegion = region,
                MaxErrorRetry = 2,
            });

    public static async Task EnsureAsync(IAmazonDynamoDB client, IReadOnlyList<TableModel> tables, ILogger logger, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            if (await ExistsAsync(client, table.TableName, ct).ConfigureAwait(false))
            {
                logger.LogInformation("DynamoDB table {Table} exists", table.TableName);
                continue;
            }

            try
            {
                await client.CreateTableAsync(CreateRequest(table), ct).ConfigureAwait(false);
            }
            catch (ResourceInUseException)
            {
                // Created concurrently by another runtime sharing the endpoint: fine.
            }

            await WaitActiveAsync(client, table.TableName, ct).ConfigureAwait(false);
            if (table.TimeToLiveAttribute is { } ttl)
            {
                try
                {
                    await client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
                    {
                        TableName = table.TableName,
                        TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl, Enabled = true },
                    }, ct).ConfigureAwait(false);
                }
                catch (AmazonDynamoDBException ex)
                {
                    // dynalite has no TTL support: items simply never expire locally.
                    logger.LogInformation("DynamoDB table {Table}: TTL on {Attribute} not supported by this endpoint ({Error})", table.TableName, ttl, ex.ErrorCode);
                }
            }

            logger.LogInformation("DynamoDB table {Table} created", table.TableName);
        }
    }

    private static async Task<bool> ExistsAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        try
        {
            await client.DescribeTableAsync(tableName, ct).ConfigureAwait(false);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    private static async Task WaitActiveAsync(IAmazonDynamoDB client, string tableName, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var description = await client.DescribeTableAsync(tableName, deadline.Token).ConfigureAwait(false);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token).ConfigureAwait(false);
        }
    }

    public static CreateTableRequest CreateRequest(TableModel table)
    {
        var onDemand = table.BillingMode == "PAY_PER_REQUEST";
        ProvisionedThroughput? Throughput(ProvisionedThroughputModel? model) => onDemand ? null
            : new ProvisionedThroughput { ReadCapacityUnits = model?.ReadCapacityUnits ?? 5, WriteCapacityUnits = model?.WriteCapacityUnits ?? 5 };
        List<KeySchemaElement> Keys(IReadOnlyList<KeySchemaElementModel> keys) =>
            keys.Select(k => new KeySchemaElement(k.AttributeName, new KeyType(k.KeyType))).ToList();
        Projection Project(SecondaryIndexModel index) => new()
        {
            ProjectionType = new ProjectionType(index.ProjectionType),
            NonKeyAttributes = index.NonKeyAttributes.Count > 0 ? index.NonKeyAttributes.ToList() : null,
        };

        var request = new CreateTableRequest
        {
            TableName = table.TableName,
            KeySchema = Keys(table.KeySchema),
            AttributeDefinitions = table.AttributeDefinitions
                .Select(a => new AttributeDefinition(a.AttributeName, new ScalarAttributeType(a.AttributeType))).ToList(),
            BillingMode = onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            ProvisionedThroughput = Throughput(table.ProvisionedThroughput),
        };
        if (table.GlobalSecondaryIndexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = table.GlobalSecondaryIndexes.Select(index => new GlobalSecondaryIndex
            {
                IndexName = index.IndexName,
                KeySchema = Keys(index.KeySchema),
                Projection = Project(index),
                ProvisionedThroughput = Throughput(index.ProvisionedThroughput ?? table.ProvisionedThroughput),
            }).ToList();
        }

        if (table.LocalSecondaryIndexes.Count > 0)
        {
            request.LocalSecondaryIndexes = table.LocalSecondaryIndexes.Select(index => new LocalSecondaryIndex
            {
                IndexName = index.IndexName,
                KeySchema = Keys(index.KeySchema),
                Projection = Project(index),
            }).ToList();
        }

        if (table.StreamViewType is { } view)
        {
            request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = new StreamViewType(view) };
        }

        return request;
    }
}
