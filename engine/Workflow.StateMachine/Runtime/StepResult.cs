using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Runtime;

/// <summary>How a state ended: go to <see cref="Next"/> (or end the flow when null) with <see cref="Output"/>, or fail.</summary>
internal readonly struct StepResult
{
    private StepResult(string? next, JsonNode? output, string? error, string? cause, bool failed)
    {
        Next = next;
        Output = output;
        Error = error;
        Cause = cause;
        Failed = failed;
    }

    public string? Next { get; }

    public JsonNode? Output { get; }

    public string? Error { get; }

    public string? Cause { get; }

    public bool Failed { get; }

    public static StepResult Continue(string? next, JsonNode? output) => new(next, output, null, null, false);

    public static StepResult Fail(string? error, string? cause) => new(null, null, error, cause, true);
}

/// <summary>How a whole flow (execution, branch or iteration) ended.</summary>
internal readonly record struct FlowResult(bool Succeeded, JsonNode? Output, string? Error, string? Cause)
{
    public static FlowResult Success(JsonNode? output) => new(true, output, null, null);

    public static FlowResult Failure(string? error, string? cause) => new(false, null, error, cause);
}
