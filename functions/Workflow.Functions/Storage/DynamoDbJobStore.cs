using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Workflow.Domain;

namespace Workflow.Functions.Storage;

/// <summary>
/// Jobs, idempotency records, task tokens and budgets in the single table, with the low-level API. Every change of
/// state is a conditional write, so concurrent writers (API, state machine, scheduler) cannot overwrite each other.
/// </summary>
public sealed class DynamoDbJobStore(IAmazonDynamoDB dynamoDb, string tableName) : IJobStore, IBudgetStore
{
    private const int MaxPageSize = 100;

    public Task<JobRecord?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(async () =>
        {
            var response = await dynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = tableName,
                Key = JobKeys.JobKey(jobId),
                ConsistentRead = true,
            }, cancellationToken);
            return response.Item is { Count: > 0 } item ? JobItemMapper.FromItem(item) : null;
        });

    public Task<bool> CreateJobAsync(JobRecord job, CancellationToken cancellationToken) =>
        ConditionalAsync(() => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = JobItemMapper.ToItem(job),
            ConditionExpression = "attribute_not_exists(pk)",
        }, cancellationToken));

    public Task<IdempotencyRecord?> ClaimIdempotencyKeyAsync(IdempotencyRecord record, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(async () =>
        {
            var key = JobKeys.Key(JobKeys.IdempotencyPartition(record.ClientId, record.Key), JobKeys.IdempotencySort);
            var item = new Dictionary<string, AttributeValue>(key)
            {
                ["jobId"] = JobItemMapper.S(record.JobId),
                ["bodyHash"] = JobItemMapper.S(record.BodyHash),
                ["clientId"] = JobItemMapper.S(record.ClientId),
                ["createdAt"] = JobItemMapper.S(Timestamps.ToWire(record.CreatedAt)),
                [JobTableSchema.TimeToLiveAttribute] = EpochSeconds(record.ExpiresAt),
            };
            try
            {
                // An expired record that TTL has not deleted yet no longer counts.
                await dynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = tableName,
                    Item = item,
                    ConditionExpression = "attribute_not_exists(pk) OR expiresAt < :now",
                    ExpressionAttributeValues = new() { [":now"] = EpochSeconds(record.CreatedAt) },
                }, cancellationToken);
                return null;
            }
            catch (ConditionalCheckFailedException)
            {
                var existing = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = tableName, Key = key, ConsistentRead = true }, cancellationToken);
                var stored = existing.Item;
                return new IdempotencyRecord(
                    record.ClientId,
                    record.Key,
                    JobItemMapper.Text(stored, "bodyHash") ?? "",
                    JobItemMapper.Text(stored, "jobId") ?? throw new InvalidDataException("Idempotency item has no jobId."),
                    Timestamps.Parse(JobItemMapper.Text(stored, "createdAt") ?? Timestamps.ToWire(record.CreatedAt)),
                    DateTimeOffset.FromUnixTimeSeconds(long.Parse(stored[JobTableSchema.TimeToLiveAttribute].N, CultureInfo.InvariantCulture)));
            }
        });

    public Task<JobPage> ListJobsByClientAsync(string clientId, int limit, string? nextToken, CancellationToken cancellationToken)
    {
        var partition = JobKeys.ClientPartition(clientId);
        var start = PageTokens.Decode(nextToken, "gsi1pk", partition, "gsi1sk");
        return QueryPageAsync(JobTableSchema.ClientIndex, "gsi1pk", partition, forward: false, limit, start, cancellationToken);
    }

    public Task<JobPage> ListJobsByStatusAsync(JobStatus status, int limit, string? nextToken, CancellationToken cancellationToken)
    {
        var partition = JobKeys.StatusPartition(status);
        var start = PageTokens.Decode(nextToken, "gsi2pk", partition, "gsi2sk");
        return QueryPageAsync(JobTableSchema.StatusIndex, "gsi2pk", partition, forward: true, limit, start, cancellationToken);
    }

    public Task<IReadOnlyList<JobRecord>> ListJobsByStatusUpdatedBeforeAsync(JobStatus status, DateTimeOffset updatedBefore, int limit, CancellationToken cancellationToken) =>
        QueryAllAsync(new QueryRequest
        {
            TableName = tableName,
            IndexName = JobTableSchema.StatusIndex,
            KeyConditionExpression = "gsi2pk = :pk AND gsi2sk < :before",
            ExpressionAttributeValues = new()
            {
                [":pk"] = JobItemMapper.S(JobKeys.StatusPartition(status)),
                [":before"] = JobItemMapper.S(Timestamps.ToWire(updatedBefore)),
            },
            ScanIndexForward = true,
        }, limit, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> ListClientJobsSinceAsync(string clientId, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        QueryAllAsync(new QueryRequest
        {
            TableName = tableName,
            IndexName = JobTableSchema.ClientIndex,
            KeyConditionExpression = "gsi1pk = :pk AND gsi1sk >= :since",
            ExpressionAttributeValues = new()
            {
                [":pk"] = JobItemMapper.S(JobKeys.ClientPartition(clientId)),
                [":since"] = JobItemMapper.S(Timestamps.ToWire(since)),
            },
            ScanIndexForward = false,
        }, limit, cancellationToken);

    public Task<bool> TryTransitionAsync(string jobId, JobStatus from, JobStatus to, DateTimeOffset at, JobUpdate? update, CancellationToken cancellationToken)
    {
        JobTransitions.EnsureAllowed(from, to);
        var set = new List<string> { "#status = :to", "updatedAt = :at", "gsi2pk = :gsi2pk", "gsi2sk = :gsi2sk" };
        var values = new Dictionary<string, AttributeValue>
        {
            [":from"] = JobItemMapper.S(from.ToWire()),
            [":to"] = JobItemMapper.S(to.ToWire()),
            [":at"] = JobItemMapper.S(Timestamps.ToWire(at)),
            [":gsi2pk"] = JobItemMapper.S(JobKeys.StatusPartition(to)),
            [":gsi2sk"] = JobItemMapper.S(JobKeys.StatusSort(at, jobId)),
        };
        var names = new Dictionary<string, string> { ["#status"] = "status" };
        var remove = new List<string>();
        if (update?.DecisionJson is { } decision)
        {
            set.Add("decision = :decision");
            values[":decision"] = JobItemMapper.S(decision);
        }

        if (update?.Error is { } error)
        {
            set.Add("#error = :error");
            names["#error"] = "error";
            values[":error"] = JobItemMapper.S(error);
        }

        if (update?.Cause is { } cause)
        {
            set.Add("cause = :cause");
            values[":cause"] = JobItemMapper.S(cause);
        }

        if (update?.ApprovalRequestedAt is { } requestedAt)
        {
            // A new wait for approval starts without a reminder.
            set.Add("approvalRequestedAt = :approvalRequestedAt");
            values[":approvalRequestedAt"] = JobItemMapper.S(Timestamps.ToWire(requestedAt));
            remove.Add("reminderSentAt");
        }

        if (update?.ApprovalDueAt is { } dueAt)
        {
            set.Add("approvalDueAt = :approvalDueAt");
            values[":approvalDueAt"] = JobItemMapper.S(Timestamps.ToWire(dueAt));
        }

        return ConditionalAsync(() => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = JobKeys.JobKey(jobId),
            ConditionExpression = "#status = :from",
            UpdateExpression = "SET " + string.Join(", ", set) + (remove.Count > 0 ? " REMOVE " + string.Join(", ", remove) : ""),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        }, cancellationToken));
    }

    public Task<bool> TryRecordApprovalAsync(string jobId, ApprovalRecord approval, JobStatus newStatus, DateTimeOffset at, CancellationToken cancellationToken)
    {
        JobTransitions.EnsureAllowed(JobStatus.AwaitingApproval, newStatus);
        return ConditionalAsync(() => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = JobKeys.JobKey(jobId),
            ConditionExpression = "#status = :awaiting AND attribute_not_exists(approval)",
            UpdateExpression = "SET approval = :approval, #status = :to, updatedAt = :at, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk",
            ExpressionAttributeNames = new() { ["#status"] = "status" },
            ExpressionAttributeValues = new()
            {
                [":awaiting"] = JobItemMapper.S(JobStatus.AwaitingApproval.ToWire()),
                [":approval"] = JobItemMapper.ApprovalToAttribute(approval),
                [":to"] = JobItemMapper.S(newStatus.ToWire()),
                [":at"] = JobItemMapper.S(Timestamps.ToWire(at)),
                [":gsi2pk"] = JobItemMapper.S(JobKeys.StatusPartition(newStatus)),
                [":gsi2sk"] = JobItemMapper.S(JobKeys.StatusSort(at, jobId)),
            },
        }, cancellationToken));
    }

    public Task<bool> TryRevertApprovalAsync(string jobId, ApprovalRecord approval, DateTimeOffset at, CancellationToken cancellationToken) =>
        // Only while nothing else touched the job since this approval was written (same updatedAt): a state machine
        // that already moved on (timeout path) must not be undone.
        ConditionalAsync(() => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = JobKeys.JobKey(jobId),
            ConditionExpression = "approval.#by = :by AND approval.#at = :approvedAt AND updatedAt = :approvedAt",
            UpdateExpression = "REMOVE approval SET #status = :awaiting, updatedAt = :at, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk",
            ExpressionAttributeNames = new() { ["#status"] = "status", ["#by"] = "by", ["#at"] = "at" },
            ExpressionAttributeValues = new()
            {
                [":by"] = JobItemMapper.S(approval.By),
                [":approvedAt"] = JobItemMapper.S(Timestamps.ToWire(approval.At)),
                [":awaiting"] = JobItemMapper.S(JobStatus.AwaitingApproval.ToWire()),
                [":at"] = JobItemMapper.S(Timestamps.ToWire(at)),
                [":gsi2pk"] = JobItemMapper.S(JobKeys.StatusPartition(JobStatus.AwaitingApproval)),
                [":gsi2sk"] = JobItemMapper.S(JobKeys.StatusSort(at, jobId)),
            },
        }, cancellationToken));

    public Task<bool> TryTouchAcceptedAsync(string jobId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ConditionalAsync(() => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = JobKeys.JobKey(jobId),
            ConditionExpression = "#status = :accepted",
            UpdateExpression = "SET updatedAt = :at, gsi2sk = :gsi2sk ADD republishCount :one",
            ExpressionAttributeNames = new() { ["#status"] = "status" },
            ExpressionAttributeValues = new()
            {
                [":accepted"] = JobItemMapper.S(JobStatus.Accepted.ToWire()),
                [":at"] = JobItemMapper.S(Timestamps.ToWire(at)),
                [":gsi2sk"] = JobItemMapper.S(JobKeys.StatusSort(at, jobId)),
                [":one"] = new AttributeValue { N = "1" },
            },
        }, cancellationToken));

    public Task SaveTaskTokenAsync(string jobId, string taskToken, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(() => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>(JobKeys.Key(JobKeys.JobPartition(jobId), JobKeys.TaskTokenSort))
            {
                ["taskToken"] = JobItemMapper.S(taskToken),
                [JobTableSchema.TimeToLiveAttribute] = EpochSeconds(expiresAt),
            },
        }, cancellationToken));

    public Task<string?> GetTaskTokenAsync(string jobId, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(async () =>
        {
            var response = await dynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = tableName,
                Key = JobKeys.Key(JobKeys.JobPartition(jobId), JobKeys.TaskTokenSort),
                ConsistentRead = true,
            }, cancellationToken);
            return response.Item is { Count: > 0 } item ? JobItemMapper.Text(item, "taskToken") : null;
        });

    public Task DeleteTaskTokenAsync(string jobId, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(() => dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = tableName,
            Key = JobKeys.Key(JobKeys.JobPartition(jobId), JobKeys.TaskTokenSort),
        }, cancellationToken));

    public Task<BudgetRecord?> GetBudgetAsync(string costCentre, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(async () =>
        {
            var response = await dynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = tableName,
                Key = JobKeys.Key(JobKeys.BudgetPartition(costCentre), JobKeys.BudgetSort),
                ConsistentRead = true,
            }, cancellationToken);
            if (response.Item is not { Count: > 0 } item)
            {
                return null;
            }

            return new BudgetRecord(
                costCentre,
                JobItemMapper.Text(item, "currency") ?? throw new InvalidDataException($"Budget of {costCentre} has no currency."),
                Number(item, "limit"),
                item.ContainsKey("committed") ? Number(item, "committed") : 0m);
        });

    public Task PutBudgetAsync(BudgetRecord budget, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(() => dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>(JobKeys.Key(JobKeys.BudgetPartition(budget.CostCentre), JobKeys.BudgetSort))
            {
                ["costCentre"] = JobItemMapper.S(budget.CostCentre),
                ["currency"] = JobItemMapper.S(budget.Currency),
                ["limit"] = N(budget.Limit),
                ["committed"] = N(budget.Committed),
            },
        }, cancellationToken));

    public Task<bool> TryCommitSpendAsync(string costCentre, string jobId, decimal amount, CancellationToken cancellationToken) =>
        ConditionalAsync(() => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = JobKeys.Key(JobKeys.BudgetPartition(costCentre), JobKeys.BudgetSort),
            ConditionExpression = "attribute_exists(pk) AND NOT contains(committedJobs, :jobId)",
            UpdateExpression = "ADD committed :amount, committedJobs :jobSet",
            ExpressionAttributeValues = new()
            {
                [":jobId"] = JobItemMapper.S(jobId),
                [":amount"] = N(amount),
                [":jobSet"] = new AttributeValue { SS = [jobId] },
            },
        }, cancellationToken));

    private Task<JobPage> QueryPageAsync(string index, string partitionName, string partition, bool forward, int limit, Dictionary<string, AttributeValue>? start, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync(async () =>
        {
            var response = await QueryFromTokenAsync(new QueryRequest
            {
                TableName = tableName,
                IndexName = index,
                KeyConditionExpression = $"{partitionName} = :pk",
                ExpressionAttributeValues = new() { [":pk"] = JobItemMapper.S(partition) },
                ScanIndexForward = forward,
                Limit = Math.Clamp(limit, 1, MaxPageSize),
                ExclusiveStartKey = start,
            }, cancellationToken);
            var jobs = (response.Items ?? []).Select(JobItemMapper.FromItem).ToList();
            return new JobPage(jobs, PageTokens.Encode(response.LastEvaluatedKey));
        });

    /// <summary>A token that decodes but names keys DynamoDB refuses (too long, empty) is still the client's bad token.</summary>
    private async Task<QueryResponse> QueryFromTokenAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await dynamoDb.QueryAsync(request, cancellationToken);
        }
        catch (AmazonDynamoDBException ex) when (request.ExclusiveStartKey is not null && ex.ErrorCode == "ValidationException")
        {
            throw new InvalidPageTokenException("The page token is not valid for this listing.", ex);
        }
    }

    private Task<IReadOnlyList<JobRecord>> QueryAllAsync(QueryRequest request, int limit, CancellationToken cancellationToken) =>
        DynamoDbErrors.GuardAsync<IReadOnlyList<JobRecord>>(async () =>
        {
            var jobs = new List<JobRecord>();
            do
            {
                request.Limit = Math.Min(limit - jobs.Count, MaxPageSize);
                var response = await dynamoDb.QueryAsync(request, cancellationToken);
                jobs.AddRange((response.Items ?? []).Select(JobItemMapper.FromItem));
                request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (request.ExclusiveStartKey is not null && jobs.Count < limit);

            return jobs;
        });

    private static Task<bool> ConditionalAsync(Func<Task> write) =>
        DynamoDbErrors.GuardAsync(async () =>
        {
            try
            {
                await write();
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                return false;
            }
        });

    private static decimal Number(Dictionary<string, AttributeValue> item, string name) =>
        decimal.Parse(item[name].N, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static AttributeValue N(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static AttributeValue EpochSeconds(DateTimeOffset at) =>
        new() { N = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
}
