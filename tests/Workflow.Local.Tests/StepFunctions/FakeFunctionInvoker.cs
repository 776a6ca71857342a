using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Local.Functions;

namespace Workflow.Local.Tests.StepFunctions;

/// <summary>Functions defined by delegates, recording every payload they receive.</summary>
internal sealed class FakeFunctionInvoker : IFunctionInvoker
{
    private readonly ConcurrentDictionary<string, Func<JsonNode?, FunctionInvocationResult>> functions = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Function, string Payload)> Calls { get; } = new();

    public FakeFunctionInvoker Define(string name, Func<JsonNode?, FunctionInvocationResult> behaviour)
    {
        functions[name] = behaviour;
        return this;
    }

    public FakeFunctionInvoker Returns(string name, string json) =>
        Define(name, _ => FunctionInvocationResult.Success(Encoding.UTF8.GetBytes(json)));

    public FakeFunctionInvoker Echo(string name) =>
        Define(name, payload => FunctionInvocationResult.Success(Encoding.UTF8.GetBytes(payload?.ToJsonString() ?? "null")));

    public FakeFunctionInvoker Throws(string name, string errorType, string errorMessage) =>
        Define(name, _ => new FunctionInvocationResult(
            Encoding.UTF8.GetBytes(new JsonObject { ["errorType"] = errorType, ["errorMessage"] = errorMessage, ["stackTrace"] = new JsonArray() }.ToJsonString()),
            "Unhandled", errorType, errorMessage));

    public Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var name = NameOf(functionNameOrArn);
        var text = Encoding.UTF8.GetString(payload.Span);
        Calls.Enqueue((name, text));
        if (!functions.TryGetValue(name, out var behaviour))
        {
            throw new FunctionNotFoundException(functionNameOrArn);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            node = JsonValue.Create(text);
        }

        return Task.FromResult(behaviour(node));
    }

    public bool FunctionExists(string functionNameOrArn) => functions.ContainsKey(NameOf(functionNameOrArn));

    private static string NameOf(string functionNameOrArn)
    {
        var parts = functionNameOrArn.Split(':');
        return functionNameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? parts[6] : parts[0];
    }
}
