using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Local.Template;

/// <summary>Reads a CloudFormation/SAM template (YAML or JSON) into <see cref="TemplateNode"/>s with line numbers.</summary>
internal static class YamlTemplateReader
{
    private static readonly HashSet<string> FunctionTags =
    [
        "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue",
        "Base64", "GetAZs", "Cidr", "Length", "ToJsonString", "Transform",
    ];

    public static TemplateNode Read(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new TemplateException(file, (int)ex.Start.Line, $"invalid YAML: {Innermost(ex).Message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new TemplateException(file, 1, "the template is empty");
        }

        return Convert(file, stream.Documents[0].RootNode);
    }

    /// <summary>Reads a YAML or JSON file that is not a template (a state machine definition, for instance).</summary>
    public static TemplateNode ReadDocument(string file, string text) => Read(file, text);

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    private static TemplateNode Convert(string file, YamlNode node)
    {
        var line = (int)node.Start.Line;
        var plain = Untagged(file, node);
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is null || !tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal) || tag == "!")
        {
            return plain;
        }

        var name = tag[1..];
        if (name is "Ref" or "Condition")
        {
            return Call(name, plain, line);
        }

        if (FunctionTags.Contains(name))
        {
            return Call("Fn::" + name, plain, line);
        }

        throw new TemplateException(file, line, $"unknown tag {tag} (expected a CloudFormation function such as !Ref, !Sub or !GetAtt)");
    }

    private static MappingNode Call(string function, TemplateNode argument, int line) =>
        new([new KeyValuePair<string, TemplateNode>(function, argument)], line, [line]);

    private static TemplateNode Untagged(string file, YamlNode node)
    {
        var line = (int)node.Start.Line;
        switch (node)
        {
            case YamlScalarNode scalar:
                var isString = scalar.Style is not ScalarStyle.Plain
                    || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str");
                return new ScalarNode(scalar.Value, !isString, line);
            case YamlSequenceNode sequence:
                return new SequenceNode(sequence.Children.Select(child => Convert(file, child)).ToList(), line);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<string, TemplateNode>>(mapping.Children.Count);
                var keyLines = new int[mapping.Children.Count];
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    var keyLine = (int)key.Start.Line;
                    if (key is not YamlScalarNode { Value: { } keyText })
                    {
                        throw new TemplateException(file, keyLine, "mapping keys must be plain strings");
                    }

                    if (!seen.Add(keyText))
                    {
                        throw new TemplateException(file, keyLine, $"duplicate key '{keyText}'");
                    }

                    keyLines[entries.Count] = keyLine;
                    entries.Add(new KeyValuePair<string, TemplateNode>(keyText, Convert(file, value)));
                }

                return new MappingNode(entries, line, keyLines);
            default:
                throw new TemplateException(file, line, $"unsupported YAML node {node.NodeType}");
        }
    }
}
