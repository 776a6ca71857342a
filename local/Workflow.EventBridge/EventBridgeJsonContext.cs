using System.Text.Json.Serialization;

namespace Workflow.EventBridge;

[JsonSerializable(typeof(string))]
internal sealed partial class EventBridgeJsonContext : JsonSerializerContext;
