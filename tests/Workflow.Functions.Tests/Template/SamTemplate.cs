using System.Text.Json.Nodes;
using Workflow.Testing;

namespace Workflow.Functions.Tests.Template;

/// <summary>The repository's template.yaml, with the few lookups the consistency tests need.</summary>
public sealed class SamTemplate
{
    public const string FunctionType = "AWS::Serverless::Function";
    public const string StateMachineType = "AWS::Serverless::StateMachine";

    private static readonly Lazy<SamTemplate> LazyRepository = new(() => Load(RepoPaths.InRepo("template.yaml")));

    private SamTemplate(JsonObject root) => Root = root;

    /// <summary>The template of this repository (loaded once).</summary>
    public static SamTemplate Repository => LazyRepository.Value;

    public JsonObject Root { get; }

    public JsonObject Resources => Root["Resources"] as JsonObject
        ?? throw new InvalidOperationException("template.yaml has no Resources mapping.");

    public static SamTemplate Load(string path) => new(CloudFormationYaml.Load(path));

    public IEnumerable<(string LogicalId, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources
            .Where(pair => pair.Value is JsonObject resource && (string?)resource["Type"] == type)
            .Select(pair => (pair.Key, (JsonObject)pair.Value!));

    public JsonObject Resource(string logicalId) => Resources[logicalId] as JsonObject
        ?? throw new KeyNotFoundException($"template.yaml has no resource '{logicalId}'.");

    public static JsonObject PropertiesOf(JsonObject resource) => resource["Properties"] as JsonObject ?? [];

    /// <summary>A function property, falling back to Globals.Function like SAM does.</summary>
    public JsonNode? FunctionProperty(string logicalId, string name) =>
        PropertiesOf(Resource(logicalId))[name] ?? (Root["Globals"]?["Function"] as JsonObject)?[name];

    /// <summary>The single state machine of the template.</summary>
    public (string LogicalId, JsonObject Properties) StateMachine()
    {
        var machines = ResourcesOfType(StateMachineType).ToList();
        if (machines.Count != 1)
        {
            throw new InvalidOperationException($"Expected one {StateMachineType}, found {machines.Count}.");
        }

        return (machines[0].LogicalId, PropertiesOf(machines[0].Resource));
    }

    /// <summary>The logical id a <c>{"Ref": X}</c> or <c>{"Fn::GetAtt": [X, ...]}</c> points at, or null.</summary>
    public static string? ReferencedLogicalId(JsonNode? node) => node switch
    {
        JsonObject reference when reference["Ref"] is JsonValue id => (string?)id,
        JsonObject getAtt when getAtt["Fn::GetAtt"] is JsonArray { Count: >= 1 } parts => (string?)parts[0],
        _ => null,
    };
}
