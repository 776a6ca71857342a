using System.Text.Json.Serialization;

namespace Workflow.Aws;

/// <summary>Step Functions speaks camelCase member names and omits absent optional members.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TaskSuccessRequest))]
[JsonSerializable(typeof(TaskFailureRequest))]
[JsonSerializable(typeof(TaskHeartbeatRequest))]
[JsonSerializable(typeof(StopExecutionRequest))]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResult))]
[JsonSerializable(typeof(StopExecutionResult))]
[JsonSerializable(typeof(DescribeExecutionResult))]
[JsonSerializable(typeof(EmptyResult))]
internal sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
