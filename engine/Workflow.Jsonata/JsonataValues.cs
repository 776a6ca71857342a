using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Jsonata;

/// <summary>
/// Conversions between System.Text.Json values and JSONata's value model: C# null = undefined,
/// <see cref="JsonataNull"/> = JSON null, double, string, bool, <see cref="Sequence"/> (array),
/// <see cref="JsonataObject"/> (object), <see cref="JsonataFunction"/>.
/// </summary>
public static class JsonataValues
{
    public static object FromJsonNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsonataNull.Value;
            case JsonObject obj:
            {
                var result = new JsonataObject(obj.Count);
                foreach (var (k, v) in obj)
                {
                    result[k] = FromJsonNode(v);
                }

                return result;
            }

            case JsonArray array:
            {
                var result = new Sequence(array.Count);
                foreach (var item in array)
                {
                    result.Add(FromJsonNode(item));
                }

                return result;
            }

            default:
            {
                var value = node.AsValue();
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.Number => value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => JsonataNull.Value,
                };
            }
        }
    }

    public static object FromJsonElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var result = new JsonataObject();
                foreach (var p in element.EnumerateObject())
                {
                    result[p.Name] = FromJsonElement(p.Value);
                }

                return result;
            }

            case JsonValueKind.Array:
            {
                var result = new Sequence(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    result.Add(FromJsonElement(item));
                }

                return result;
            }

            case JsonValueKind.String:
                return element.GetString()!;
            case JsonValueKind.Number:
                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return JsonataNull.Value;
        }
    }

    /// <summary>
    /// A result as JSON. Undefined members of objects are dropped; functions become "" as in JSONata's output.
    /// Both undefined and JSON null come back as C# null: callers that must tell them apart check the value first.
    /// </summary>
    public static JsonNode? ToJsonNode(object? value) => value switch
    {
        null or JsonataNull => null,
        string s => JsonValue.Create(s),
        double d => double.IsInteger(d) && Math.Abs(d) < 1e15 ? JsonValue.Create((long)d) : JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        Sequence s => new JsonArray(s.Select(ToJsonNode).ToArray()),
        JsonataObject o => ToJsonObject(o),
        JsonataFunction => JsonValue.Create(string.Empty),
        _ => null,
    };

    private static JsonObject ToJsonObject(JsonataObject o)
    {
        var result = new JsonObject();
        foreach (var (k, v) in o)
        {
            if (v is not null)
            {
                result[k] = ToJsonNode(v);
            }
        }

        return result;
    }
}
