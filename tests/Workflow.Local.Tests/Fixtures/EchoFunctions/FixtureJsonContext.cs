using System.Text.Json.Serialization;

namespace EchoFunctions;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class FixtureJsonContext : JsonSerializerContext;
