using Amazon.DynamoDBv2.Model;
using Workflow.Domain;

namespace Workflow.Functions.Storage;

internal static class JobItemMapper
{
    public static Dictionary<string, AttributeValue> ToItem(JobRecord job)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [JobTableSchema.PartitionKey] = S(JobKeys.JobPartition(job.Id)),
            [JobTableSchema.SortKey] = S(JobKeys.JobSort),
            ["id"] = S(job.Id),
            ["type"] = S(job.Type),
            ["clientId"] = S(job.ClientId),
            ["status"] = S(job.Status.ToWire()),
            ["input"] = S(job.InputJson),
            ["createdAt"] = S(Timestamps.ToWire(job.CreatedAt)),
            ["updatedAt"] = S(Timestamps.ToWire(job.UpdatedAt)),
            ["gsi1pk"] = S(JobKeys.ClientPartition(job.ClientId)),
            ["gsi1sk"] = S(JobKeys.ClientSort(job.CreatedAt, job.Id)),
            ["gsi2pk"] = S(JobKeys.StatusPartition(job.Status)),
            ["gsi2sk"] = S(JobKeys.StatusSort(job.UpdatedAt, job.Id)),
        };
        AddIfPresent(item, "idempotencyKey", job.IdempotencyKey);
        AddIfPresent(item, "executionArn", job.ExecutionArn);
        AddIfPresent(item, "decision", job.DecisionJson);
        AddIfPresent(item, "stepResults", job.StepResultsJson);
        AddIfPresent(item, "purchaseOrderNumber", job.PurchaseOrderNumber);
        AddIfPresent(item, "error", job.Error);
        AddIfPresent(item, "cause", job.Cause);
        AddIfPresent(item, "requesterEmail", job.RequesterEmail);
        AddIfPresent(item, "approvalRequestedAt", job.ApprovalRequestedAt is { } requested ? Timestamps.ToWire(requested) : null);
        AddIfPresent(item, "approvalDueAt", job.ApprovalDueAt is { } due ? Timestamps.ToWire(due) : null);
        AddIfPresent(item, "reminderSentAt", job.ReminderSentAt is { } reminded ? Timestamps.ToWire(reminded) : null);
        if (job.Approval is not null)
        {
            item["approval"] = ApprovalToAttribute(job.Approval);
        }

        return item;
    }

    public static JobRecord FromItem(Dictionary<string, AttributeValue> item) => new()
    {
        Id = Text(item, "id") ?? throw new InvalidDataException("Job item has no id."),
        Type = Text(item, "type") ?? JobTypes.PurchaseRequest,
        ClientId = Text(item, "clientId") ?? throw new InvalidDataException("Job item has no clientId."),
        Status = JobStatusNames.Parse(Text(item, "status")),
        InputJson = AttributeJson.ToJsonText(item.GetValueOrDefault("input")) ?? "{}",
        CreatedAt = Timestamps.Parse(Text(item, "createdAt") ?? throw new InvalidDataException("Job item has no createdAt.")),
        UpdatedAt = Timestamps.Parse(Text(item, "updatedAt") ?? Text(item, "createdAt")!),
        IdempotencyKey = Text(item, "idempotencyKey"),
        ExecutionArn = Text(item, "executionArn"),
        DecisionJson = AttributeJson.ToJsonText(item.GetValueOrDefault("decision")),
        StepResultsJson = AttributeJson.ToJsonText(item.GetValueOrDefault("stepResults")),
        Approval = ApprovalFrom(item.GetValueOrDefault("approval")),
        PurchaseOrderNumber = Text(item, "purchaseOrderNumber"),
        Error = Text(item, "error"),
        Cause = Text(item, "cause"),
        StartedAt = Text(item, "startedAt") is { } started ? Timestamps.Parse(started) : null,
        CompletedAt = Text(item, "completedAt") is { } completed ? Timestamps.Parse(completed) : null,
        // The state machine writes "" when a job has no e-mail (so its events always carry the member).
        RequesterEmail = Text(item, "requesterEmail") is { Length: > 0 } email ? email : null,
        ApprovalRequestedAt = Text(item, "approvalRequestedAt") is { } requested ? Timestamps.Parse(requested) : null,
        ApprovalDueAt = Text(item, "approvalDueAt") is { } due ? Timestamps.Parse(due) : null,
        ReminderSentAt = Text(item, "reminderSentAt") is { } reminded ? Timestamps.Parse(reminded) : null,
    };

    public static AttributeValue ApprovalToAttribute(ApprovalRecord approval)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            ["outcome"] = S(approval.Outcome),
            ["by"] = S(approval.By),
            ["at"] = S(Timestamps.ToWire(approval.At)),
        };
        if (approval.Comment is not null)
        {
            map["comment"] = S(approval.Comment);
        }

        return new AttributeValue { M = map };
    }

    /// <summary>A map (written by DecideApproval) or JSON text (written by the state machine, e.g. on timeout).</summary>
    private static ApprovalRecord? ApprovalFrom(AttributeValue? value)
    {
        if (value?.S is { } text)
        {
            return ApprovalFromJson(text);
        }

        if (value?.M is not { } map)
        {
            return null;
        }

        var outcome = map.GetValueOrDefault("outcome")?.S;
        var by = map.GetValueOrDefault("by")?.S;
        var at = map.GetValueOrDefault("at")?.S;
        return outcome is null || by is null || at is null
            ? null
            : new ApprovalRecord(outcome, by, Timestamps.Parse(at), map.GetValueOrDefault("comment")?.S);
    }

    private static ApprovalRecord? ApprovalFromJson(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            var root = document.RootElement;
            string? Member(string name) =>
                root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
            var outcome = Member("outcome");
            var by = Member("by");
            var at = Member("at");
            return outcome is null || by is null || at is null ? null : new ApprovalRecord(outcome, by, Timestamps.Parse(at), Member("comment"));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
        {
            return null;
        }
    }

    public static string? Text(Dictionary<string, AttributeValue> item, string name) => item.GetValueOrDefault(name)?.S;

    public static AttributeValue S(string value) => new() { S = value };

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }
}
