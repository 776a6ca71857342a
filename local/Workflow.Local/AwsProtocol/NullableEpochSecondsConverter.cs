using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Local.AwsProtocol;

/// <summary><see cref="EpochSecondsConverter"/> for optional timestamps (null members are omitted by the contexts).</summary>
public sealed class NullableEpochSecondsConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly EpochSecondsConverter Inner = new();

    public override bool HandleNull => false;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
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
