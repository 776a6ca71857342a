using System.Text.Json.Serialization;

namespace Workflow.DynamoDbServer;

/// <summary>The options launch.js reads from its first argument.</summary>
internal sealed record LauncherArguments(int Port, string Host, string? Path, int TableTransitionMs);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LauncherArguments))]
internal sealed partial class LauncherJsonContext : JsonSerializerContext;
