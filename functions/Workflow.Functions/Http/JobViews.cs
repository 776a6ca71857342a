using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain;

namespace Workflow.Functions.Http;

/// <summary>The API's view of a job. Internal attributes (execution ARN, task token, index keys) never appear.</summary>
public static class JobViews
{
    /// <summary>
    /// The whole job. With <paramref name="approvalTimeout"/>, a job awaiting approval also says since when it waits
    /// (<c>waitingSince</c>: its last status change) and when it times out (<c>approvalDueAt</c>).
    /// </summary>
    public static JsonObject Full(JobRecord job, TimeSpan? approvalTimeout = null)
    {
        var view = new JsonObject
        {
            ["jobId"] = job.Id,
            ["type"] = job.Type,
            ["status"] = job.Status.ToWire(),
            ["clientId"] = job.ClientId,
            ["createdAt"] = Timestamps.ToWire(job.CreatedAt),
            ["updatedAt"] = Timestamps.ToWire(job.UpdatedAt),
            ["startedAt"] = job.StartedAt is { } started ? Timestamps.ToWire(started) : null,
            ["completedAt"] = job.CompletedAt is { } completed ? Timestamps.ToWire(completed) : null,
            ["input"] = ParseOrText(job.InputJson),
        };
        var steps = job.StepResultsJson is null ? null : ParseOrText(job.StepResultsJson);
        var decision = job.DecisionJson is null ? null : ParseOrText(job.DecisionJson);
        AddIfPresent(view, "steps", steps);
        AddIfPresent(view, "decision", decision);
        if (job.Status == JobStatus.AwaitingApproval)
        {
            view["waitingSince"] = Timestamps.ToWire(job.UpdatedAt);
            if (approvalTimeout is { } timeout)
            {
                view["approvalDueAt"] = Timestamps.ToWire(job.UpdatedAt + timeout);
            }
        }

        if (job.Approval is { } approval)
        {
            view["approval"] = new JsonObject
            {
                ["outcome"] = approval.Outcome,
                ["by"] = approval.By,
                ["at"] = Timestamps.ToWire(approval.At),
                ["comment"] = approval.Comment,
            };
        }

        AddIfPresent(view, "purchaseOrderNumber", job.PurchaseOrderNumber);
        AddIfPresent(view, "error", job.Error);
        AddIfPresent(view, "cause", job.Cause);
        view["timeline"] = JobTimeline.For(job, steps?.DeepClone(), decision?.DeepClone());
        view["links"] = Links(job);
        return view;
    }

    public static JsonObject Links(JobRecord job)
    {
        var links = new JsonObject
        {
            ["self"] = $"/jobs/{job.Id}",
            ["cancel"] = $"/jobs/{job.Id}/cancel",
        };
        if (job.Status == JobStatus.AwaitingApproval)
        {
            links["approval"] = $"/jobs/{job.Id}/approval";
        }

        return links;
    }

    public static JsonObject Page(JobPage page, TimeSpan? approvalTimeout = null) => new()
    {
        ["items"] = new JsonArray(page.Jobs.Select(j => (JsonNode)Full(j, approvalTimeout)).ToArray()),
        ["nextToken"] = page.NextToken,
    };

    private static JsonNode? ParseOrText(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    private static void AddIfPresent(JsonObject view, string name, JsonNode? value)
    {
        if (value is not null)
        {
            view[name] = value;
        }
    }

    private static void AddIfPresent(JsonObject view, string name, string? value)
    {
        if (value is not null)
        {
            view[name] = value;
        }
    }
}
