using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Aws;

/// <summary><see cref="EpochSecondsConverter"/> for optional timestamps.</summary>
public sealed class NullableEpochSecondsConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly EpochSecondsConverter Inner = new();

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } timestamp)
        {
            Inner.Write(writer, timestamp, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
