using System.Globalization;
using System.Text.Json;

namespace Workflow.EventBridge;

internal enum EventValueKind
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>One leaf value of an event, as seen by the matchers.</summary>
internal readonly record struct EventValue(EventValueKind Kind, string Text, double Number)
{
    public bool IsString => Kind == EventValueKind.String;

    public bool IsNumber => Kind == EventValueKind.Number;

    public static EventValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new(EventValueKind.String, element.GetString()!, 0),
        JsonValueKind.Number => new(EventValueKind.Number, element.GetRawText(),
            double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)),
        JsonValueKind.True => new(EventValueKind.True, "true", 0),
        JsonValueKind.False => new(EventValueKind.False, "false", 0),
        _ => new(EventValueKind.Null, "null", 0),
    };
}
