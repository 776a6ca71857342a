using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

internal sealed partial class ApplicationModelBuilder
{
    private List<StateMachineModel> BuildStateMachines()
    {
        var machines = new List<StateMachineModel>();
        foreach (var resource in Active("AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"))
        {
            var properties = Properties(resource);
            var sam = resource.Type == "AWS::Serverless::StateMachine";
            var arn = context.Arn(resource, resource.Line);
            var definition = Definition(resource, properties, sam);
            var substitutions = properties.StringMap("DefinitionSubstitutions");
            foreach (var (key, value) in substitutions)
            {
                definition = definition.Replace("${" + key + "}", value, StringComparison.Ordinal);
            }

            try
            {
                using var _ = JsonDocument.Parse(definition);
            }
            catch (JsonException ex)
            {
                throw context.Error(resource.Line, $"state machine '{resource.LogicalId}': the definition is not valid JSON after DefinitionSubstitutions: {ex.Message}");
            }

            var roleArn = properties.String(sam ? "Role" : "RoleArn")
                ?? $"arn:{context.Partition}:iam::{context.AccountId}:role/{context.PhysicalName(resource.LogicalId + "Role", resource.Line)}";
            var events = new List<EventRuleModel>();
            if (sam && properties.Object_("Events") is { } eventMap)
            {
                foreach (var (eventName, eventNode) in eventMap.Object)
                {
                    var e = new JsonProperties(eventNode as JsonObject ?? new JsonObject(), context, resource.Line, $"{resource.LogicalId}.Events.{eventName}");
                    var rule = AddSamEventRule(resource, eventName, e.RequiredString("Type"),
                        e.Object_("Properties")?.Object ?? new JsonObject(), arn, EventTargetKind.StateMachine);
                    if (rule is not null)
                    {
                        events.Add(rule);
                    }
                }
            }

            machines.Add(new StateMachineModel(
                resource.LogicalId,
                context.PhysicalName(resource.LogicalId, resource.Line),
                arn,
                (properties.String(sam ? "Type" : "StateMachineType") ?? "STANDARD").ToUpperInvariant(),
                definition,
                roleArn,
                (properties["Logging"] ?? properties["LoggingConfiguration"]) is not null,
                properties.Object_("Tracing")?.Bool("Enabled") ?? properties.Object_("TracingConfiguration")?.Bool("Enabled") ?? false,
                events));
        }

        return machines;
    }

    private string Definition(TemplateResource resource, JsonProperties properties, bool sam)
    {
        if (properties["Definition"] is JsonObject inline)
        {
            return inline.ToJsonString();
        }

        if (!sam && properties.String("DefinitionString") is { } definitionString)
        {
            return definitionString;
        }

        var uriName = sam ? "DefinitionUri" : "DefinitionS3Location";
        var line = resource.Properties.LineOf(uriName);
        var uri = properties[uriName] switch
        {
            null => throw context.Error(resource.Line, $"state machine '{resource.LogicalId}' needs a Definition or DefinitionUri"),
            JsonObject => throw context.Error(line, $"state machine '{resource.LogicalId}': an S3 DefinitionUri cannot be read locally; use a file path"),
            var value => context.AsString(value, line, uriName),
        };
        var path = TemplateRelativePath(uri);
        if (!File.Exists(path))
        {
            throw context.Error(line, $"state machine '{resource.LogicalId}': definition file not found: {path}");
        }

        var text = File.ReadAllText(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        // A YAML definition: convert to JSON (placeholders survive as plain text inside the values).
        var node = YamlTemplateReader.ReadDocument(path, text);
        return context.Evaluate(node)?.ToJsonString() ?? throw context.Error(line, $"definition file {path} is empty");
    }
}
