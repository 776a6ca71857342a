using System.Text.Json.Serialization;

namespace Workflow.Local.AwsProtocol;

// Request and response members of the Step Functions API (2016-11-23), named as on the wire.
// Members the local runtime does not act on (logging, tracing, encryption configuration) are accepted and ignored,
// as AWS ignores members it does not know.

public sealed record CreateStateMachineRequest(string? Name, string? Definition, string? RoleArn, string? Type);

public sealed record CreateStateMachineResponse(
    string StateMachineArn,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset CreationDate);

public sealed record UpdateStateMachineRequest(string? StateMachineArn, string? Definition, string? RoleArn);

public sealed record UpdateStateMachineResponse([property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset UpdateDate);

public sealed record StateMachineArnRequest(string? StateMachineArn);

public sealed record PageRequest(int? MaxResults, string? NextToken);

public sealed record StateMachineListItem(
    string StateMachineArn,
    string Name,
    string Type,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset CreationDate);

public sealed record ListStateMachinesResponse(IReadOnlyList<StateMachineListItem> StateMachines, string? NextToken);

public sealed record DescribeStateMachineResponse(
    string StateMachineArn,
    string Name,
    string Status,
    string Definition,
    string RoleArn,
    string Type,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset CreationDate);

public sealed record StartExecutionRequest(string? StateMachineArn, string? Name, string? Input, string? TraceHeader);

public sealed record StartExecutionResponse(
    string ExecutionArn,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StartDate);

public sealed record ExecutionArnRequest(string? ExecutionArn);

public sealed record DescribeExecutionResponse(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StartDate,
    [property: JsonConverter(typeof(NullableEpochSecondsConverter))] DateTimeOffset? StopDate,
    string? Input,
    DataDetails? InputDetails,
    string? Output,
    DataDetails? OutputDetails,
    string? Error,
    string? Cause);

public sealed record DataDetails(bool Included);

public sealed record ListExecutionsRequest(string? StateMachineArn, string? StatusFilter, int? MaxResults, string? NextToken);

public sealed record ExecutionListItem(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StartDate,
    [property: JsonConverter(typeof(NullableEpochSecondsConverter))] DateTimeOffset? StopDate);

public sealed record ListExecutionsResponse(IReadOnlyList<ExecutionListItem> Executions, string? NextToken);

public sealed record GetExecutionHistoryRequest(string? ExecutionArn, int? MaxResults, bool? ReverseOrder, string? NextToken, bool? IncludeExecutionData);

public sealed record StopExecutionRequest(string? ExecutionArn, string? Error, string? Cause);

public sealed record StopExecutionResponse([property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset StopDate);

public sealed record SendTaskSuccessRequest(string? TaskToken, string? Output);

public sealed record SendTaskFailureRequest(string? TaskToken, string? Error, string? Cause);

public sealed record SendTaskHeartbeatRequest(string? TaskToken);

public sealed record EmptyResponse;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateStateMachineRequest))]
[JsonSerializable(typeof(CreateStateMachineResponse))]
[JsonSerializable(typeof(UpdateStateMachineRequest))]
[JsonSerializable(typeof(UpdateStateMachineResponse))]
[JsonSerializable(typeof(StateMachineArnRequest))]
[JsonSerializable(typeof(PageRequest))]
[JsonSerializable(typeof(ListStateMachinesResponse))]
[JsonSerializable(typeof(DescribeStateMachineResponse))]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(ExecutionArnRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(ListExecutionsRequest))]
[JsonSerializable(typeof(ListExecutionsResponse))]
[JsonSerializable(typeof(GetExecutionHistoryRequest))]
[JsonSerializable(typeof(StopExecutionRequest))]
[JsonSerializable(typeof(StopExecutionResponse))]
[JsonSerializable(typeof(SendTaskSuccessRequest))]
[JsonSerializable(typeof(SendTaskFailureRequest))]
[JsonSerializable(typeof(SendTaskHeartbeatRequest))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
