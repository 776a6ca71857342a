using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Local.LoadTest;

/// <summary>The runtime's Step Functions endpoint (AWS JSON 1.0), to count executions per job.</summary>
internal sealed class StepFunctionsEndpoint(HttpClient http)
{
    public async Task<string> StateMachineArnAsync()
    {
        var machines = await CallAsync("ListStateMachines", new JsonObject()).ConfigureAwait(false);
        return machines["stateMachines"]!.AsArray().Single()!["stateMachineArn"]!.GetValue<string>();
    }

    /// <summary>Every execution described (input and status), fetched with <paramref name="parallelism"/> requests at a time.</summary>
    public async Task<List<JsonObject>> DescribeAllExecutionsAsync(string stateMachineArn, int parallelism)
    {
        var arns = new List<string>();
        string? nextToken = null;
        do
        {
            var request = new JsonObject { ["stateMachineArn"] = stateMachineArn, ["maxResults"] = 1000 };
            if (nextToken is not null)
            {
                request["nextToken"] = nextToken;
            }

            var page = await CallAsync("ListExecutions", request).ConfigureAwait(false);
            arns.AddRange(page["executions"]!.AsArray().Select(e => e!["executionArn"]!.GetValue<string>()));
            nextToken = page["nextToken"]?.GetValue<string>();
        }
        while (nextToken is not null);

        var described = new JsonObject[arns.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, arns.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
            described[i] = await CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = arns[i] }).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. described];
    }

    private async Task<JsonObject> CallAsync(string action, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions." + action);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!.AsObject()
            : throw new InvalidOperationException($"{action} answered {(int)response.StatusCode}: {text}");
    }
}
