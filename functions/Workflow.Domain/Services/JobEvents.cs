using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Domain;

/// <summary>Builds the event details of APP.md. The task token never goes into an event.</summary>
public static class JobEvents
{
    public static JobEvent Submitted(JobRecord job) => new(JobEvent.JobSubmitted, new JsonObject
    {
        ["jobId"] = job.Id,
        ["type"] = job.Type,
        ["clientId"] = job.ClientId,
        ["submittedAt"] = Timestamps.ToWire(job.CreatedAt),
    }.ToJsonString());

    /// <summary>
    /// What approvers are told: the request's essentials (requester, vendor, cost centre, total and currency, the
    /// decision's reasons) and until when they can decide.
    /// </summary>
    public static JobEvent ApprovalRequested(JobRecord job, string? decisionJson, DateTimeOffset at, DateTimeOffset? dueAt)
    {
        var detail = ApprovalDetail(job, decisionJson, at, dueAt);
        return new JobEvent(JobEvent.ApprovalRequested, detail.ToJsonString());
    }

    /// <summary>The same essentials as <see cref="ApprovalRequested"/>, sent once when most of the wait has passed.</summary>
    public static JobEvent ApprovalReminder(JobRecord job, DateTimeOffset at)
    {
        var detail = ApprovalDetail(job, job.DecisionJson, job.ApprovalRequestedAt ?? job.UpdatedAt, job.ApprovalDueAt);
        detail["remindedAt"] = Timestamps.ToWire(at);
        return new JobEvent(JobEvent.ApprovalReminder, detail.ToJsonString());
    }

    /// <summary>An approver's decision, for the requester (status APPROVED or REJECTED).</summary>
    public static JobEvent ApprovalDecided(JobRecord job, ApprovalRecord approval) => new(JobEvent.ApprovalDecided, new JsonObject
    {
        ["jobId"] = job.Id,
        ["type"] = job.Type,
        ["clientId"] = job.ClientId,
        ["requesterEmail"] = job.RequesterEmail ?? "",
        ["status"] = approval.Outcome,
        ["by"] = approval.By,
        ["comment"] = approval.Comment ?? "",
        ["at"] = Timestamps.ToWire(approval.At),
    }.ToJsonString());

    private static JsonObject ApprovalDetail(JobRecord job, string? decisionJson, DateTimeOffset requestedAt, DateTimeOffset? dueAt)
    {
        var input = ParseObject(job.InputJson);
        var detail = new JsonObject
        {
            ["jobId"] = job.Id,
            ["type"] = job.Type,
            ["clientId"] = job.ClientId,
            ["requesterEmail"] = job.RequesterEmail ?? "",
            ["requester"] = Text(input, "requester"),
            ["vendor"] = Text(input, "vendor"),
            ["costCentre"] = Text(input, "costCentre"),
            ["requestedAt"] = Timestamps.ToWire(requestedAt),
        };
        if (dueAt is { } due)
        {
            detail["dueAt"] = Timestamps.ToWire(due);
        }

        if (decisionJson is not null && ParseObject(decisionJson) is { } decision)
        {
            detail["total"] = decision["total"]?.DeepClone();
            detail["currency"] = decision["currency"]?.DeepClone();
            detail["reasons"] = decision["reasons"]?.DeepClone();
        }

        return detail;
    }

    private static string Text(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static JsonObject? ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
