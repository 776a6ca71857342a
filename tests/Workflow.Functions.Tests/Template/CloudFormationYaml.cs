using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflow.Functions.Tests.Template;

/// <summary>
/// Reads a CloudFormation/SAM YAML document into JSON nodes. Short-form intrinsics (<c>!Ref X</c>,
/// <c>!GetAtt A.B</c>, <c>!Sub ...</c>, <c>!If [...]</c>, ...) become their long JSON form as plain data
/// (<c>{"Ref": "X"}</c>, <c>{"Fn::GetAtt": ["A", "B"]}</c>), which is what the template means.
/// </summary>
public static partial class CloudFormationYaml
{
    public static JsonObject Load(string path)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    public static JsonObject Parse(TextReader reader, string sourceName = "<yaml>")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException exception)
        {
            throw new FormatException($"{sourceName}:{exception.Start.Line}: {exception.Message}", exception);
        }

        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"{sourceName}: expected one YAML document, found {stream.Documents.Count}.");
        }

        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw new FormatException($"{sourceName}: the document is not a mapping.");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is not null && tag.StartsWith('!') && !tag.StartsWith("!!", StringComparison.Ordinal) && tag.Length > 1)
        {
            return Intrinsic(tag[1..], node);
        }

        return ConvertUntagged(node);
    }

    private static JsonNode? ConvertUntagged(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new FormatException($"Line {node.Start.Line}: unsupported YAML node {node.NodeType}."),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw new FormatException($"Line {key.Start.Line}: mapping keys must be scalars.");
            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(char.ToLowerInvariant(text[0]) == 't');
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    private static JsonObject Intrinsic(string name, YamlNode node)
    {
        var key = name is "Ref" or "Condition" ? name : "Fn::" + name;
        JsonNode? value;
        if (name == "GetAtt" && node is YamlScalarNode scalar)
        {
            // !GetAtt Resource.Attribute (the attribute itself may contain dots, e.g. Outputs.Name).
            var text = scalar.Value ?? string.Empty;
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == text.Length - 1)
            {
                throw new FormatException($"Line {node.Start.Line}: !GetAtt needs Resource.Attribute, got '{text}'.");
            }

            value = new JsonArray(JsonValue.Create(text[..dot]), JsonValue.Create(text[(dot + 1)..]));
        }
        else if (node is YamlScalarNode plain)
        {
            // Arguments of intrinsics are strings (!Ref 5 means the logical id "5", not a number).
            value = JsonValue.Create(plain.Value ?? string.Empty);
        }
        else
        {
            value = ConvertUntagged(node);
        }

        return new JsonObject { [key] = value };
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
