namespace Workflow.Local.Functions;

/// <summary>
/// The response of one invocation. On success <see cref="Payload"/> is the handler's output. On error
/// <see cref="FunctionError"/> is <c>Unhandled</c> and <see cref="Payload"/> is Lambda's error document
/// <c>{"errorType", "errorMessage", "stackTrace"}</c>; <see cref="ErrorType"/>/<see cref="ErrorMessage"/> repeat its fields.
/// </summary>
public sealed record FunctionInvocationResult(
    ReadOnlyMemory<byte> Payload,
    string? FunctionError,
    string? ErrorType,
    string? ErrorMessage)
{
    public bool IsError => FunctionError is not null;

    public static FunctionInvocationResult Success(ReadOnlyMemory<byte> payload) => new(payload, null, null, null);
}
