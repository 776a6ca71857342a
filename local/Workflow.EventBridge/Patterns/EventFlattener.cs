using System.Text.Json;

namespace Workflow.EventBridge;

/// <summary>
/// Flattens an event into dotted field paths and their leaf values, the way EventBridge sees it: nested object keys
/// are joined with '.', array elements contribute their leaves to the same path.
/// </summary>
internal static class EventFlattener
{
    public static Dictionary<string, List<EventValue>> Flatten(JsonElement root)
    {
        var result = new Dictionary<string, List<EventValue>>(StringComparer.Ordinal);
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                Walk(property.Value, property.Name, result);
            }
        }
        return result;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, List<EventValue>> result)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path + "." + property.Name, result);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path, result);
                }
                break;
            default:
                if (!result.TryGetValue(path, out var values))
                {
                    values = [];
                    result[path] = values;
                }
                values.Add(EventValue.From(element));
                break;
        }
    }
}
