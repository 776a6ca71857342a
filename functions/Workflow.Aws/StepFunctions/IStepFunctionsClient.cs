namespace Workflow.Aws;

/// <summary>The Step Functions calls this application makes.</summary>
public interface IStepFunctionsClient
{
    /// <summary>Completes a <c>.waitForTaskToken</c> task with <paramref name="outputJson"/> as its result.</summary>
    Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken ct = default);

    /// <summary>Fails a <c>.waitForTaskToken</c> task with an error name the state machine can catch.</summary>
    Task SendTaskFailureAsync(string taskToken, string? error, string? cause, CancellationToken ct = default);

    Task SendTaskHeartbeatAsync(string taskToken, CancellationToken ct = default);

    Task<StopExecutionResult> StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken ct = default);

    /// <summary>Starts an execution; a <paramref name="name"/> makes the start idempotent for the same input.</summary>
    Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string? name, string inputJson, CancellationToken ct = default);

    Task<DescribeExecutionResult> DescribeExecutionAsync(string executionArn, CancellationToken ct = default);
}
