using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

internal sealed partial class ApplicationModelBuilder
{
    private List<FunctionModel> BuildFunctions()
    {
        var functions = new List<FunctionModel>();
        foreach (var resource in Active("AWS::Serverless::Function"))
        {
            var properties = Properties(resource);
            if (properties.String("PackageType") == "Image")
            {
                throw context.Error(resource.Line, $"function '{resource.LogicalId}': container image functions are not supported locally");
            }

            if (properties["InlineCode"] is not null)
            {
                throw context.Error(resource.Line, $"function '{resource.LogicalId}': InlineCode is not supported locally (use CodeUri)");
            }

            var codeUri = properties["CodeUri"] switch
            {
                null => throw context.Error(resource.Line, $"function '{resource.LogicalId}' needs a CodeUri"),
                JsonObject => throw context.Error(resource.Line,
                    $"function '{resource.LogicalId}': CodeUri must be a local folder (an S3 location cannot be run locally)"),
                var value => context.AsString(value, resource.Line, $"{resource.LogicalId}.CodeUri"),
            };
            var codePath = TemplateRelativePath(codeUri);
            if (!Directory.Exists(codePath))
            {
                throw context.Error(resource.Properties.LineOf("CodeUri"), $"function '{resource.LogicalId}': CodeUri folder not found: {codePath}");
            }

            var name = context.PhysicalName(resource.LogicalId, resource.Line);
            var environment = properties.Object_("Environment")?.StringMap("Variables") ?? new Dictionary<string, string>();
            var events = new List<FunctionEventModel>();
            if (properties.Object_("Events") is { } eventMap)
            {
                foreach (var (eventName, eventNode) in eventMap.Object)
                {
                    var eventProperties = new JsonProperties(eventNode as JsonObject ?? new JsonObject(), context, resource.Line, $"{resource.LogicalId}.Events.{eventName}");
                    var type = eventProperties.RequiredString("Type");
                    events.Add(new FunctionEventModel(eventName, type, (eventProperties["Properties"] ?? new JsonObject()).ToJsonString()));
                }
            }

            var function = new FunctionModel(
                resource.LogicalId,
                name,
                context.Arn(resource, resource.Line),
                codePath,
                properties.RequiredString("Handler"),
                properties.String("Runtime") ?? "",
                properties.Int("Timeout") ?? 3,
                properties.Int("MemorySize") ?? 128,
                properties.Strings("Architectures").FirstOrDefault() ?? "x86_64",
                environment,
                MetadataString(resource, "BuildMethod"),
                events);
            functions.Add(function);
            foreach (var (eventModel, index) in events.Select((e, i) => (e, i)))
            {
                AddSamEventRule(resource, eventModel.Name, eventModel.Type,
                    JsonNode.Parse(eventModel.PropertiesJson)!.AsObject(), function.Arn, EventTargetKind.Function);
                _ = index;
            }
        }

        return functions;
    }
}
