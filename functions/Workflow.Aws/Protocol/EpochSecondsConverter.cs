using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Aws;

/// <summary>AWS JSON protocol timestamps: seconds since the Unix epoch as a number, with fractional milliseconds.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));
        }

        // Some AWS-compatible servers answer with ISO-8601 strings; accept them rather than fail on a timestamp.
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new JsonException("Expected a timestamp as epoch seconds.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(Math.Round(value.ToUnixTimeMilliseconds() / 1000m, 3));
    }
}
