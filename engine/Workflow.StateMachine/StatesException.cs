namespace Workflow.StateMachine;

/// <summary>
/// A runtime error with a Step Functions error name (e.g. <c>States.Runtime</c>) and cause, as it would
/// appear in a failed execution, a Catch or a Retry.
/// </summary>
public sealed class StatesException(string error, string cause) : Exception(cause)
{
    public string Error { get; } = error;

    public string Cause { get; } = cause;
}
