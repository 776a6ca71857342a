using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.StateMachine;

namespace Workflow.Local.StepFunctions.Handlers;

/// <summary>How Step Functions turns Task parameters into a Lambda request body and a Lambda response back into JSON.</summary>
public static class LambdaPayloads
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>
    /// The body the function receives for <c>lambda:invoke</c>'s <c>Payload</c>: absent or null becomes <c>{}</c>;
    /// a JSON string is sent as its raw text (so <c>"{}"</c> arrives as the object <c>{}</c>); anything else is serialised.
    /// </summary>
    public static byte[] RequestBody(JsonNode? payload)
    {
        if (payload is null)
        {
            return EmptyObject;
        }

        if (payload is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return Encoding.UTF8.GetBytes(value.GetValue<string>());
        }

        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    /// <summary>The state input sent to a directly called Lambda ARN: always JSON-encoded.</summary>
    public static byte[] DirectRequestBody(JsonNode? input) =>
        input is null ? "null"u8.ToArray() : Encoding.UTF8.GetBytes(input.ToJsonString());

    /// <summary>
    /// The function's response as JSON. Lambda passes bytes through unchanged, so a response that is not JSON
    /// (a handler returning raw text) is the JSON string of that text; an empty response is null.
    /// </summary>
    public static JsonNode? ResponseValue(ReadOnlyMemory<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(payload.Span);
        }
        catch (JsonException)
        {
            return JsonValue.Create(Encoding.UTF8.GetString(payload.Span));
        }
    }

    /// <summary>
    /// A function error as the state sees it: error = the function's <c>errorType</c>, cause = the Lambda error
    /// document as JSON text.
    /// </summary>
    public static StatesException FunctionError(Functions.FunctionInvocationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cause = result.Payload.IsEmpty ? "" : Encoding.UTF8.GetString(result.Payload.Span);
        var error = result.ErrorType;
        if (string.IsNullOrEmpty(error))
        {
            error = TryReadErrorType(result.Payload) ?? result.FunctionError ?? "Unhandled";
        }

        return new StatesException(error, cause);
    }

    private static string? TryReadErrorType(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonNode.Parse(payload.Span) is JsonObject document && document["errorType"] is JsonValue type
                && type.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
