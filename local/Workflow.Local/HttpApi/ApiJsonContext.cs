using System.Text.Json.Serialization;

namespace Workflow.Local.HttpApi;

[JsonSerializable(typeof(string))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
