using System.Text.Json.Serialization;

namespace Workflow.Local.Hosting;

public sealed record HealthResponse(string Status);

[JsonSerializable(typeof(HealthResponse))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
