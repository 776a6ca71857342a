using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.EventBridge;

/// <summary>Typed reads from an AWS JSON request body; a wrong type is a SerializationException naming the member.</summary>
internal sealed class JsonRequest(JsonObject body)
{
    public JsonObject Body { get; } = body;

    public static JsonRequest Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(json) ? new JsonObject() : JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new EventBridgeException("SerializationException", "Request body is not valid JSON: " + ex.Message);
        }
        return node is JsonObject obj ? new JsonRequest(obj) : throw new EventBridgeException("SerializationException", "Request body must be a JSON object.");
    }

    public string? String(string name) => String(Body, name);

    public string RequiredString(string name) => String(name) is { Length: > 0 } value
        ? value
        : throw EventBridgeException.Validation(
            $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    public static string? String(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Wrong(name, "a string"),
    };

    public static int? Int(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) => i,
        _ => throw Wrong(name, "an integer"),
    };

    /// <summary>AWS JSON timestamps are epoch seconds (a number); ISO-8601 text is accepted too.</summary>
    public static DateTimeOffset? Timestamp(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && EpochSeconds(v.GetValue<double>()) is { } t => t,
        JsonValue v when v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => throw Wrong(name, "a timestamp"),
    };

    // Out-of-range numbers would make FromUnixTimeMilliseconds throw ArgumentOutOfRangeException, an HTTP 500 instead of 400.
    private static DateTimeOffset? EpochSeconds(double seconds)
    {
        var milliseconds = seconds * 1000;
        return milliseconds >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds)
            : null;
    }

    public static JsonObject? Object(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw Wrong(name, "an object"),
    };

    public static JsonArray? Array(JsonObject obj, string name) => obj[name] switch
    {
        null => null,
        JsonArray a => a,
        _ => throw Wrong(name, "a list"),
    };

    public static List<string> Strings(JsonObject obj, string name) =>
        Array(obj, name)?.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Wrong(name, "a list of strings")).ToList() ?? [];

    private static EventBridgeException Wrong(string name, string expected) =>
        new("SerializationException", $"Member '{name}' must be {expected}.");
}
