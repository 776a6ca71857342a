using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace Workflow.Functions.Storage;

/// <summary>
/// JSON-valued attributes may be written by this code (JSON text in an S) or by the state machine's DynamoDB
/// integration (a map). Both read back as JSON text.
/// </summary>
internal static class AttributeJson
{
    public static string? ToJsonText(AttributeValue? value)
    {
        if (value is null || value.NULL == true)
        {
            return null;
        }

        if (value.S is { } text)
        {
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                try
                {
                    using var _ = JsonDocument.Parse(text);
                    return text;
                }
                catch (JsonException)
                {
                    // Not JSON after all: fall through and keep it as a string.
                }
            }

            return JsonValue.Create(text).ToJsonString();
        }

        return ToNode(value)?.ToJsonString();
    }

    private static JsonNode? ToNode(AttributeValue value)
    {
        if (value.S is { } s)
        {
            return JsonValue.Create(s);
        }

        if (value.N is { } n)
        {
            return decimal.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(n);
        }

        if (value.BOOL is { } b)
        {
            return JsonValue.Create(b);
        }

        if (value.M is { } map)
        {
            var obj = new JsonObject();
            foreach (var (name, item) in map)
            {
                obj[name] = ToNode(item);
            }

            return obj;
        }

        if (value.L is { } list)
        {
            return new JsonArray(list.Select(ToNode).ToArray());
        }

        if (value.SS is { } strings)
        {
            return new JsonArray(strings.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
        }

        if (value.NS is { } numbers)
        {
            return new JsonArray(numbers.Select(x => (JsonNode?)JsonValue.Create(decimal.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture))).ToArray());
        }

        return null;
    }
}
