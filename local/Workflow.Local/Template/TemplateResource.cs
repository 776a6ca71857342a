namespace Workflow.Local.Template;

/// <summary>One entry of the template's <c>Resources</c>, with Globals already merged into its properties.</summary>
internal sealed record TemplateResource(
    string LogicalId,
    string Type,
    MappingNode Properties,
    MappingNode? Metadata,
    string? Condition,
    int Line);
