using System.Text.Json.Serialization;

namespace Workflow.Local.Functions;

[JsonSerializable(typeof(string))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
