namespace Workflow.Local.Template;

/// <summary>
/// SAM's Globals rules: a resource property overrides a global scalar, mappings are merged key by key, and lists are
/// concatenated (globals first). Intrinsic function calls count as scalars.
/// </summary>
internal static class GlobalsMerger
{
    /// <summary>Globals section name to the SAM resource type it applies to.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sections = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Function"] = "AWS::Serverless::Function",
        ["Api"] = "AWS::Serverless::Api",
        ["HttpApi"] = "AWS::Serverless::HttpApi",
        ["SimpleTable"] = "AWS::Serverless::SimpleTable",
        ["StateMachine"] = "AWS::Serverless::StateMachine",
        ["LayerVersion"] = "AWS::Serverless::LayerVersion",
        ["CapacityProvider"] = "AWS::Serverless::CapacityProvider",
    };

    public static MappingNode Merge(MappingNode globals, MappingNode properties)
    {
        var entries = new List<KeyValuePair<string, TemplateNode>>();
        var lines = new List<int>();
        foreach (var (key, globalValue) in globals.Entries)
        {
            var own = properties[key];
            entries.Add(new KeyValuePair<string, TemplateNode>(key, own is null ? globalValue : MergeValue(globalValue, own)));
            lines.Add(own is null ? globals.LineOf(key) : properties.LineOf(key));
        }

        foreach (var (key, value) in properties.Entries)
        {
            if (globals[key] is null)
            {
                entries.Add(new KeyValuePair<string, TemplateNode>(key, value));
                lines.Add(properties.LineOf(key));
            }
        }

        return new MappingNode(entries, properties.Line, [.. lines]);
    }

    private static TemplateNode MergeValue(TemplateNode global, TemplateNode own) => (global, own) switch
    {
        (MappingNode { IsIntrinsic: false } g, MappingNode { IsIntrinsic: false } o) => Merge(g, o),
        (SequenceNode g, SequenceNode o) => new SequenceNode([.. g.Items, .. o.Items], o.Line),
        _ => own,
    };
}
