using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workflow.EventBridge;

/// <summary>Reads pattern JSON with Utf8JsonReader into <see cref="PatternNode"/>s, keeping duplicate keys.</summary>
internal static class PatternJsonReader
{
    private const int MaxDepth = 64;

    public static PatternNode Read(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                throw new InvalidEventPatternException("Filter is not an object");
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidEventPatternException(
                    reader.TokenType == JsonTokenType.StartArray || reader.TokenType is JsonTokenType.String or JsonTokenType.Number
                        or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
                        ? "Filter is not an object"
                        : "Unrecognized token");
            }
            var root = ReadValue(ref reader);
            if (reader.Read())
            {
                throw new InvalidEventPatternException("Unexpected content after the pattern object");
            }
            return root;
        }
        catch (JsonException ex)
        {
            throw new InvalidEventPatternException(Describe(ex), ex);
        }
    }

    private static string Describe(JsonException ex)
    {
        var line = (ex.LineNumber ?? 0) + 1;
        var column = (ex.BytePositionInLine ?? 0) + 1;
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        return string.Create(CultureInfo.InvariantCulture, $"{message} at line: {line}, column: {column}");
    }

    private static PatternNode ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<KeyValuePair<string, PatternNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members.Add(new(name, ReadValue(ref reader)));
                }
                return new PatternObject(members);
            case JsonTokenType.StartArray:
                var items = new List<PatternNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }
                return new PatternArray(items);
            case JsonTokenType.String:
                return new PatternString(reader.GetString()!);
            case JsonTokenType.Number:
                var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                return new PatternNumber(raw, double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonTokenType.True:
                return new PatternBoolean(true);
            case JsonTokenType.False:
                return new PatternBoolean(false);
            case JsonTokenType.Null:
                return PatternNull.Instance;
            default:
                throw new InvalidEventPatternException($"Unexpected token {reader.TokenType}");
        }
    }
}
