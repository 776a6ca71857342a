using System.Text.Json.Serialization;

namespace Workflow.Aws;

/// <summary>Answer of StartExecution.</summary>
public sealed record StartExecutionResult(
    string ExecutionArn,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StartDate);

/// <summary>Answer of StopExecution.</summary>
public sealed record StopExecutionResult(
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StopDate);

/// <summary>Answer of DescribeExecution (the fields this application uses).</summary>
public sealed record DescribeExecutionResult
{
    public required string ExecutionArn { get; init; }

    public required string StateMachineArn { get; init; }

    public string? Name { get; init; }

    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</summary>
    public required string Status { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset StartDate { get; init; }

    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTimeOffset? StopDate { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }
}

internal sealed record TaskSuccessRequest(string TaskToken, string Output);

internal sealed record TaskFailureRequest(string TaskToken, string? Error, string? Cause);

internal sealed record TaskHeartbeatRequest(string TaskToken);

internal sealed record StopExecutionRequest(string ExecutionArn, string? Error, string? Cause);

internal sealed record StartExecutionRequest(string StateMachineArn, string? Name, string? Input);

internal sealed record DescribeExecutionRequest(string ExecutionArn);

internal sealed record EmptyResult;
