using Amazon.DynamoDBv2.Model;
using Workflow.Domain;

namespace Workflow.Functions.Storage;

/// <summary>Key layout of the single table (APP.md).</summary>
internal static class JobKeys
{
    public const string JobSort = "JOB";
    public const string TaskTokenSort = "TASKTOKEN";
    public const string IdempotencySort = "IDEMPOTENCY";
    public const string BudgetSort = "BUDGET";

    public static string JobPartition(string jobId) => $"JOB#{jobId}";

    public static string ClientPartition(string clientId) => $"CLIENT#{clientId}";

    public static string StatusPartition(JobStatus status) => $"STATUS#{status.ToWire()}";

    public static string ClientSort(DateTimeOffset createdAt, string jobId) => $"{Timestamps.ToWire(createdAt)}#{jobId}";

    public static string StatusSort(DateTimeOffset updatedAt, string jobId) => $"{Timestamps.ToWire(updatedAt)}#{jobId}";

    public static string IdempotencyPartition(string clientId, string key) => $"IDEMPOTENCY#{clientId}#{key}";

    public static string BudgetPartition(string costCentre) => $"BUDGET#{costCentre}";

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [JobTableSchema.PartitionKey] = new AttributeValue { S = pk },
        [JobTableSchema.SortKey] = new AttributeValue { S = sk },
    };

    public static Dictionary<string, AttributeValue> JobKey(string jobId) => Key(JobPartition(jobId), JobSort);
}
