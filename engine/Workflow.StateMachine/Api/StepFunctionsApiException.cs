namespace Workflow.StateMachine.Api;

/// <summary>An API call rejected the way Step Functions rejects it; <see cref="ErrorCode"/> is AWS's error code.</summary>
public class StepFunctionsApiException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}

/// <summary>The AWS error codes the engine's API raises.</summary>
public static class ApiErrorCodes
{
    public const string StateMachineDoesNotExist = "StateMachineDoesNotExist";
    public const string StateMachineAlreadyExists = "StateMachineAlreadyExists";
    public const string ExecutionDoesNotExist = "ExecutionDoesNotExist";
    public const string ExecutionAlreadyExists = "ExecutionAlreadyExists";
    public const string InvalidDefinition = "InvalidDefinition";
    public const string InvalidName = "InvalidName";
    public const string InvalidArn = "InvalidArn";
    public const string InvalidExecutionInput = "InvalidExecutionInput";
    public const string InvalidOutput = "InvalidOutput";
    public const string TaskDoesNotExist = "TaskDoesNotExist";
    public const string InvalidToken = "InvalidToken";
    public const string TaskTimedOut = "TaskTimedOut";
    public const string ValidationException = "ValidationException";
}
