using System.Text.Json.Nodes;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>
/// <c>arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem</c>: the Task's parameters are the DynamoDB
/// request and DynamoDB's response is the task result.
/// </summary>
public sealed class DynamoDbTaskHandler(DynamoDbTaskClient client, string operation) : ITaskHandler
{
    /// <summary>The optimized integration's actions and the DynamoDB operations they call.</summary>
    public static IReadOnlyDictionary<string, string> Actions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["getItem"] = "GetItem",
        ["putItem"] = "PutItem",
        ["updateItem"] = "UpdateItem",
        ["deleteItem"] = "DeleteItem",
    };

    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return await client.SendAsync(operation, invocation.Payload, cancellationToken).ConfigureAwait(false);
    }
}
