using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;

namespace Workflow.StateMachine.Tasks;

/// <summary>Everything a handler needs to run one attempt of a Task state.</summary>
public sealed class TaskInvocation
{
    /// <summary>The Task's <c>Resource</c> exactly as written.</summary>
    public required string Resource { get; init; }

    /// <summary>The Resource without the <c>.sync</c>/<c>.waitForTaskToken</c> suffix.</summary>
    public required string ResourceKey { get; init; }

    public required ResourceKind ResourceKind { get; init; }

    public required IntegrationPattern Pattern { get; init; }

    /// <summary>The effective parameters: <c>Parameters</c> evaluated, or the state input when there are none.</summary>
    public required JsonNode? Payload { get; init; }

    /// <summary>The task token of a <c>.waitForTaskToken</c> task (also in the context object as <c>$$.Task.Token</c>).</summary>
    public string? TaskToken { get; init; }

    public required string ExecutionArn { get; init; }

    public required string StateMachineArn { get; init; }

    public required string StateName { get; init; }

    public required int RetryCount { get; init; }

    /// <summary>The context object (<c>$$</c>) of this attempt.</summary>
    public JsonNode? Context { get; init; }

    /// <summary>The engine's clock: handlers that wait should use it so tests with a virtual clock stay instant.</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>The state's effective timeout, if any (the engine enforces it; handlers may use it to stop early).</summary>
    public TimeSpan? Timeout { get; init; }

    internal Action<JsonNode?>? OnSubmitted { get; init; }

    /// <summary>
    /// For <c>.sync</c> tasks: report that the job was started (records <c>TaskSubmitted</c> with this response)
    /// before the handler keeps waiting for the job's result.
    /// </summary>
    public void ReportSubmitted(JsonNode? response) => OnSubmitted?.Invoke(response);
}
