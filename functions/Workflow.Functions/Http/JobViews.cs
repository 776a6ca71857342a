using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain;

namespace Workflow.Functions.Http;

/// <summary>The API's view of a job. Internal attributes (execution ARN, task token, index keys) never appear.</summary>
public static class JobViews
{
    public static JsonObject Full(JobRecord job)
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
        AddIfPresent(view, "steps", job.StepResultsJson is null ? null : ParseOrText(job.StepResultsJson));
        AddIfPresent(view, "decision", job.DecisionJson is null ? null : ParseOrText(job.DecisionJson));
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

    public static JsonObject Page(JobPage page) => new()
    {
        ["items"] = new JsonArray(page.Jobs.Select(j => (JsonNode)Full(j)).ToArray()),
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
