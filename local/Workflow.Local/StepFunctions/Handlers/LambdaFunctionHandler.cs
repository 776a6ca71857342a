using System.Text.Json.Nodes;
using Workflow.Local.Functions;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>
/// A Lambda function ARN used directly as a Task's <c>Resource</c>: the (JSON-encoded) effective input goes to the
/// function and its result is the task result itself, without the Invoke response around it.
/// </summary>
public sealed class LambdaFunctionHandler(IFunctionInvoker functions, LambdaIdentity identity) : ITaskHandler
{
    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var function = invocation.ResourceKey;
        if (!functions.FunctionExists(function))
        {
            throw identity.ResourceNotFound(function);
        }

        FunctionInvocationResult result;
        try
        {
            result = await functions.InvokeAsync(function, LambdaPayloads.DirectRequestBody(invocation.Payload), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (FunctionNotFoundException)
        {
            throw identity.ResourceNotFound(function);
        }

        return result.IsError ? throw LambdaPayloads.FunctionError(result) : LambdaPayloads.ResponseValue(result.Payload);
    }
}
