namespace Workflow.Local.Functions;

/// <summary>
/// Invokes the template's functions the way Lambda's synchronous Invoke does. A function is named by its logical id,
/// its physical name, or its ARN (optionally qualified with <c>:$LATEST</c>).
/// </summary>
public interface IFunctionInvoker
{
    /// <summary>
    /// Runs the function with <paramref name="payload"/> (JSON) and returns its response. Errors raised by the function
    /// (exceptions, timeouts, crashes) are NOT thrown: they come back with <see cref="FunctionInvocationResult.FunctionError"/>
    /// set, as Lambda reports them. Throws <see cref="FunctionNotFoundException"/> for an unknown function.
    /// </summary>
    Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken ct);

    bool FunctionExists(string functionNameOrArn);
}
