using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Runtime;

/// <summary>JSON text the way Step Functions prints payloads: compact, non-ASCII characters kept as they are.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static string Of(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>The UTF-8 size of the node's JSON text, measured without building a string.</summary>
    public static int Utf8Size(JsonNode? node)
    {
        if (node is null)
        {
            return 4;
        }

        buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        }
        else
        {
            writer.Reset(buffer);
        }

        node.WriteTo(writer);
        writer.Flush();
        var size = buffer.WrittenCount;
        if (buffer.Capacity > 1 << 20)
        {
            buffer = null;
            writer = null;
        }

        return size;
    }

    public static JsonNode? Parse(string text) => Materialize(JsonNode.Parse(text));

    /// <summary>
    /// Parsed objects and arrays build their members lazily on first access, which is not safe when several
    /// flows (or a history reader) touch the same node at once; walking them once makes later reads pure reads.
    /// </summary>
    public static JsonNode? Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }

        return node;
    }
}
