using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.EventBridge;
using Workflow.Local.EventBridgeService;
using Workflow.StateMachine;
using Workflow.StateMachine.Tasks;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>
/// <c>arn:aws:states:::events:putEvents</c> (and <c>.waitForTaskToken</c>): puts <c>Entries</c> on the local buses.
/// <c>Detail</c> may be a JSON object (Step Functions serialises it) or JSON text. The result is PutEvents' response;
/// a failed entry fails the task with <c>EventBridge.FailedEntry</c>, as Step Functions does.
/// </summary>
public sealed class EventsPutEventsHandler(IServiceProvider services) : ITaskHandler
{
    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (invocation.Payload is not JsonObject parameters || parameters["Entries"] is not JsonArray entriesNode)
        {
            throw new StatesException("EventBridge.ValidationException",
                "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null (Service: EventBridge; Status Code: 400; Error Code: ValidationException; Proxy: null)");
        }

        var entries = entriesNode.Select(ToEntry).ToList();
        var eventBridge = services.GetRequiredService<EventBridgeRuntime>();
        PutEventsResult result;
        try
        {
            result = await eventBridge.PutEventsAsync(entries, cancellationToken).ConfigureAwait(false);
        }
        catch (EventBridgeException error)
        {
            throw new StatesException("EventBridge." + error.ErrorCode,
                $"{error.Message} (Service: EventBridge; Status Code: 400; Error Code: {error.ErrorCode}; Request ID: {Guid.NewGuid()}; Proxy: null)");
        }

        var response = new JsonObject
        {
            ["Entries"] = new JsonArray([.. result.Entries.Select(ToJson)]),
            ["FailedEntryCount"] = result.FailedEntryCount,
        };
        if (result.FailedEntryCount > 0)
        {
            throw new StatesException("EventBridge.FailedEntry", response.ToJsonString());
        }

        return response;
    }

    private static PutEventsEntry ToEntry(JsonNode? node)
    {
        var entry = node as JsonObject ?? [];
        return new PutEventsEntry
        {
            Source = Text(entry["Source"]),
            DetailType = Text(entry["DetailType"]),
            Detail = entry["Detail"] switch
            {
                null => null,
                JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
                var other => other.ToJsonString(),
            },
            EventBusName = Text(entry["EventBusName"]),
            Resources = entry["Resources"] is JsonArray resources ? [.. resources.Select(r => Text(r) ?? "")] : null,
            TraceHeader = Text(entry["TraceHeader"]),
        };
    }

    private static JsonObject ToJson(PutEventsResultEntry entry)
    {
        var json = new JsonObject();
        if (entry.EventId is not null)
        {
            json["EventId"] = entry.EventId;
        }

        if (entry.ErrorCode is not null)
        {
            json["ErrorCode"] = entry.ErrorCode;
            json["ErrorMessage"] = entry.ErrorMessage;
        }

        return json;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
}
