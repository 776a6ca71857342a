using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Local.Tests.StepFunctions;

/// <summary>Starting executions and waiting for their outcome through the AWS JSON API.</summary>
internal static class Executions
{
    public static async Task<string> StartAsync(LocalServicesServer server, string stateMachineArn, string input = "{}", string? name = null)
    {
        var request = new JsonObject { ["stateMachineArn"] = stateMachineArn, ["input"] = input };
        if (name is not null)
        {
            request["name"] = name;
        }

        var started = await server.CallOkAsync("AWSStepFunctions.StartExecution", request);
        return started["executionArn"]!.GetValue<string>();
    }

    public static Task<JsonNode> DescribeAsync(LocalServicesServer server, string executionArn) =>
        server.CallOkAsync("AWSStepFunctions.DescribeExecution", new JsonObject { ["executionArn"] = executionArn });

    public static Task<JsonNode> FinishedAsync(LocalServicesServer server, string executionArn) =>
        Eventually.Value(async () =>
        {
            var described = await DescribeAsync(server, executionArn);
            return described["status"]!.GetValue<string>() == "RUNNING" ? null : described;
        }, WorkDeadline.Value, $"{executionArn} finishes");

    public static async Task<IReadOnlyList<string>> HistoryTypesAsync(LocalServicesServer server, string executionArn)
    {
        var history = await server.CallOkAsync("AWSStepFunctions.GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn, ["maxResults"] = 1000 });
        return [.. history["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];
    }
}
