using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Local.AwsProtocol;

/// <summary>
/// The AWS JSON protocol sends timestamps as epoch seconds with a fractional part (<c>1700000000.123</c>).
/// Reading also accepts ISO-8601 strings, which some clients send for <c>Time</c> in PutEvents.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDecimal();
            return DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Round(seconds * 1000m));
        }

        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new JsonException("Timestamp must be epoch seconds or an ISO-8601 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
