using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

/// <summary>Turns the evaluated template resources into the <see cref="ApplicationModel"/>.</summary>
internal sealed partial class ApplicationModelBuilder(
    TemplateContext context, MappingNode? globals, IReadOnlyDictionary<string, string> parameters)
{
    private readonly List<EventRuleModel> _rules = [];
    private readonly List<QueueModel> _queues = [];

    public ApplicationModel Build()
    {
        foreach (var resource in Active("AWS::SQS::Queue"))
        {
            var name = context.PhysicalName(resource.LogicalId, resource.Line);
            _queues.Add(new QueueModel(resource.LogicalId, name, context.Arn(resource, resource.Line), context.QueueUrl(name)));
        }

        var functions = BuildFunctions();
        var stateMachines = BuildStateMachines();
        BuildEventsRules();
        return new ApplicationModel(
            context.File,
            context.StackName,
            context.Region,
            context.AccountId,
            context.Partition,
            parameters,
            functions,
            BuildHttpApi(functions),
            stateMachines,
            BuildEventBuses(),
            _rules,
            BuildTables(),
            _queues,
            BuildTopics())
        {
            UserPoolGroups = Active("AWS::Cognito::UserPoolGroup").Select(g => context.PhysicalName(g.LogicalId, g.Line)).ToList(),
        };
    }

    /// <summary>Resources of a type whose Condition (if any) holds, in template order.</summary>
    private IEnumerable<TemplateResource> Active(params string[] types) =>
        context.Resources.Values.Where(r => types.Contains(r.Type)
            && (r.Condition is null || context.IsConditionTrue(r.Condition, r.Line)));

    private JsonProperties Properties(TemplateResource resource) =>
        new(context.Evaluate(resource.Properties) as JsonObject ?? new JsonObject(), context, resource.Line, resource.LogicalId);

    private string TemplateRelativePath(string path) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(context.File)!, path));

    private string? MetadataString(TemplateResource resource, string key) =>
        resource.Metadata?[key] is { } node ? context.EvaluateString(node, $"{resource.LogicalId}.Metadata.{key}") : null;
}
