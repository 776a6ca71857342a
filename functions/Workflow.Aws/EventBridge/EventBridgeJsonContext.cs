using System.Text.Json.Serialization;

namespace Workflow.Aws;

/// <summary>EventBridge speaks PascalCase member names and omits absent optional members.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutEventsRequest))]
[JsonSerializable(typeof(PutEventsResult))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
