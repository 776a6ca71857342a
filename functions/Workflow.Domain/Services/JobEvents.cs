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

    public static JobEvent ApprovalRequested(JobRecord job, string? decisionJson, DateTimeOffset at)
    {
        var detail = new JsonObject
        {
            ["jobId"] = job.Id,
            ["type"] = job.Type,
            ["clientId"] = job.ClientId,
            ["requestedAt"] = Timestamps.ToWire(at),
        };
        if (decisionJson is not null && JsonNode.Parse(decisionJson) is JsonObject decision)
        {
            detail["total"] = decision["total"]?.DeepClone();
            detail["currency"] = decision["currency"]?.DeepClone();
            detail["reasons"] = decision["reasons"]?.DeepClone();
        }

        return new JobEvent(JobEvent.ApprovalRequested, detail.ToJsonString());
    }
}
