using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Local.Tests.EndToEnd;

/// <summary>
/// The runtime's Step Functions and EventBridge endpoints, called like an AWS SDK does (AWS JSON protocol,
/// <c>X-Amz-Target</c>), to look at executions and to deliver events.
/// </summary>
internal sealed class AwsEndpoints(HttpClient http)
{
    /// <summary>Every execution of a state machine (all pages), newest first.</summary>
    public async Task<List<JsonObject>> ListExecutionsAsync(string stateMachineArn)
    {
        var executions = new List<JsonObject>();
        string? nextToken = null;
        do
        {
            var request = new JsonObject { ["stateMachineArn"] = stateMachineArn, ["maxResults"] = 1000 };
            if (nextToken is not null)
            {
                request["nextToken"] = nextToken;
            }

            var page = await CallAsync("AWSStepFunctions.ListExecutions", "application/x-amz-json-1.0", request);
            executions.AddRange(page["executions"]!.AsArray().Select(e => e!.AsObject()));
            nextToken = page["nextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);

        return executions;
    }

    public Task<JsonObject> DescribeExecutionAsync(string executionArn) =>
        CallAsync("AWSStepFunctions.DescribeExecution", "application/x-amz-json-1.0", new JsonObject { ["executionArn"] = executionArn });

    /// <summary>The execution's whole history, oldest event first.</summary>
    public async Task<List<JsonObject>> HistoryAsync(string executionArn)
    {
        var events = new List<JsonObject>();
        string? nextToken = null;
        do
        {
            var request = new JsonObject { ["executionArn"] = executionArn, ["maxResults"] = 1000 };
            if (nextToken is not null)
            {
                request["nextToken"] = nextToken;
            }

            var page = await CallAsync("AWSStepFunctions.GetExecutionHistory", "application/x-amz-json-1.0", request);
            events.AddRange(page["events"]!.AsArray().Select(e => e!.AsObject()));
            nextToken = page["nextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);

        return events;
    }

    /// <summary>Names of the states the execution entered, in order.</summary>
    public async Task<List<string>> EnteredStatesAsync(string executionArn) =>
        (await HistoryAsync(executionArn))
            .Where(e => e["stateEnteredEventDetails"] is not null)
            .Select(e => e["stateEnteredEventDetails"]!["name"]!.GetValue<string>())
            .ToList();

    /// <summary>Executions whose input names <paramref name="jobId"/> (the rule passes the event detail as input).</summary>
    public async Task<List<JsonObject>> ExecutionsOfJobAsync(string stateMachineArn, string jobId)
    {
        var found = new List<JsonObject>();
        foreach (var execution in await ListExecutionsAsync(stateMachineArn))
        {
            var described = await DescribeExecutionAsync(execution["executionArn"]!.GetValue<string>());
            var input = JsonNode.Parse(described["input"]!.GetValue<string>());
            if (input?["jobId"]?.GetValue<string>() == jobId)
            {
                found.Add(described);
            }
        }

        return found;
    }

    /// <summary>All executions described, keyed by the job id of their input.</summary>
    public async Task<ILookup<string, JsonObject>> ExecutionsByJobAsync(string stateMachineArn)
    {
        var described = new List<(string JobId, JsonObject Execution)>();
        foreach (var execution in await ListExecutionsAsync(stateMachineArn))
        {
            var description = await DescribeExecutionAsync(execution["executionArn"]!.GetValue<string>());
            var jobId = JsonNode.Parse(description["input"]!.GetValue<string>())?["jobId"]?.GetValue<string>() ?? "";
            described.Add((jobId, description));
        }

        return described.ToLookup(d => d.JobId, d => d.Execution);
    }

    /// <summary>PutEvents with one entry; returns the response (FailedEntryCount, Entries).</summary>
    public Task<JsonObject> PutEventAsync(string eventBusName, string source, string detailType, JsonObject detail) =>
        CallAsync("AWSEvents.PutEvents", "application/x-amz-json-1.1", new JsonObject
        {
            ["Entries"] = new JsonArray(new JsonObject
            {
                ["EventBusName"] = eventBusName,
                ["Source"] = source,
                ["DetailType"] = detailType,
                ["Detail"] = detail.ToJsonString(),
            }),
        });

    private async Task<JsonObject> CallAsync(string target, string contentType, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{target} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }
}
