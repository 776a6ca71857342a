using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Domain;

namespace Workflow.Functions.Http;

/// <summary>
/// The milestones of a job, oldest first, from what the job record stores: submitted, started, the four checks (their
/// results carry no time of their own), the checks' decision, awaiting approval, the human decision, and the end.
/// </summary>
public static class JobTimeline
{
    private static readonly string[] CheckNames = ["Validated", "Priced", "Budget checked", "Policy checked"];

    public static JsonArray For(JobRecord job, JsonNode? steps, JsonNode? decision)
    {
        var events = new JsonArray { Event("Submitted", job.CreatedAt, null) };
        if (job.StartedAt is { } started)
        {
            events.Add(Event("Checks started", started, null));
        }

        if (steps is JsonArray results)
        {
            for (var i = 0; i < results.Count && i < CheckNames.Length; i++)
            {
                events.Add(Event(CheckNames[i], null, CheckDetail(i, results[i])));
            }
        }

        if (decision is JsonObject d)
        {
            var verdict = (bool?)d["autoReject"] == true ? "rejected by the rules"
                : (bool?)d["needsApproval"] == true ? "needs a human approval" : "approved by the rules";
            events.Add(Event("Checks decided", null, verdict));
        }

        if (job.Status == JobStatus.AwaitingApproval)
        {
            events.Add(Event("Awaiting approval", job.UpdatedAt, null));
        }

        if (job.Approval is { } approval)
        {
            var outcome = approval.Outcome switch
            {
                ApprovalRecord.Approved => "Approved",
                ApprovalRecord.Rejected => "Rejected",
                "TIMED_OUT" => "Timed out",
                var other => other,
            };
            events.Add(Event($"{outcome} by {approval.By}", approval.At, approval.Comment));
        }

        if (job.Status.IsTerminal())
        {
            events.Add(Event($"Finished: {job.Status.ToWire()}", job.CompletedAt ?? job.UpdatedAt, job.Error));
        }

        return events;
    }

    private static JsonObject Event(string name, DateTimeOffset? at, string? detail) => new()
    {
        ["event"] = name,
        ["at"] = at is { } time ? Timestamps.ToWire(time) : null,
        ["detail"] = detail,
    };

    private static string? CheckDetail(int index, JsonNode? result) => (index, result) switch
    {
        (0, JsonObject r) when r["valid"] is JsonValue valid => (bool)valid ? "valid" : "invalid",
        (1, JsonObject r) when r["total"] is JsonValue total => $"total {Amount(total)} {(string?)r["currency"]}",
        (2, JsonObject r) when r["withinBudget"] is JsonValue within => (bool)within ? "within budget" : "over budget",
        (3, JsonObject r) when r["flags"] is JsonArray flags => flags.Count == 0 ? "no findings" : $"{flags.Count} finding(s)",
        _ => null,
    };

    private static string Amount(JsonValue value) =>
        value.TryGetValue<decimal>(out var amount) ? amount.ToString("0.00", CultureInfo.InvariantCulture) : value.ToJsonString();
}
