using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.StateMachine.Runtime;

/// <summary>JSON text the way Step Functions prints payloads: compact, non-ASCII characters kept as they are.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static string Of(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);

    public static int Utf8Size(JsonNode? node) => Encoding.UTF8.GetByteCount(Of(node));

    public static JsonNode? Parse(string text) => JsonNode.Parse(text);
}
