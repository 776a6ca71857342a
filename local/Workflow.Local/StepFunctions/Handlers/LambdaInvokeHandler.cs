using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Local.Functions;
using Workflow.StateMachine;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>
/// <c>arn:aws:states:::lambda:invoke</c> (and <c>.waitForTaskToken</c>): calls the function named by
/// <c>FunctionName</c> with <c>Payload</c> and returns Lambda's Invoke response the way Step Functions shapes it
/// (<c>ExecutedVersion</c>, <c>Payload</c>, <c>SdkHttpMetadata</c>, <c>SdkResponseMetadata</c>, <c>StatusCode</c>).
/// </summary>
public sealed class LambdaInvokeHandler(IFunctionInvoker functions, LambdaIdentity identity) : ITaskHandler
{
    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var parameters = invocation.Payload as JsonObject;
        var functionName = parameters?["FunctionName"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var name) ? name : null;
        if (string.IsNullOrEmpty(functionName))
        {
            throw new StatesException("Lambda.InvalidParameterValueException",
                "The parameter FunctionName is required (Service: AWSLambda; Status Code: 400; Error Code: InvalidParameterValueException; Proxy: null)");
        }

        var body = LambdaPayloads.RequestBody(parameters!["Payload"]);
        var invocationType = parameters["InvocationType"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var type) ? type : "RequestResponse";
        if (!functions.FunctionExists(functionName))
        {
            throw identity.ResourceNotFound(functionName);
        }

        if (invocationType == "Event")
        {
            // Asynchronous invocation: Lambda queues the event and answers 202 with an empty payload at once.
            _ = Task.Run(() => functions.InvokeAsync(functionName, body, CancellationToken.None), CancellationToken.None);
            return LambdaInvokeResponse.Create(JsonValue.Create(""), 0, 202, identity.Clock);
        }

        FunctionInvocationResult result;
        try
        {
            result = await functions.InvokeAsync(functionName, body, cancellationToken).ConfigureAwait(false);
        }
        catch (FunctionNotFoundException)
        {
            throw identity.ResourceNotFound(functionName);
        }

        if (result.IsError)
        {
            throw LambdaPayloads.FunctionError(result);
        }

        return LambdaInvokeResponse.Create(LambdaPayloads.ResponseValue(result.Payload), result.Payload.Length, 200, identity.Clock);
    }
}

/// <summary>Region, account and clock used to spell Lambda errors and response metadata.</summary>
public sealed record LambdaIdentity(string Partition, string Region, string AccountId, TimeProvider Clock)
{
    /// <summary>Lambda's 404 as Step Functions reports it.</summary>
    public StatesException ResourceNotFound(string functionNameOrArn) =>
        new("Lambda.ResourceNotFoundException",
            string.Create(CultureInfo.InvariantCulture,
                $"Function not found: {LambdaArns.QualifiedArn(functionNameOrArn, Partition, Region, AccountId)} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: {Guid.NewGuid()}; Proxy: null)"));
}
