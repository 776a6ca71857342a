using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

/// <summary>
/// Evaluates a template's intrinsic functions against its parameters, conditions, mappings and resources.
/// Values are produced as JSON; <see cref="NoValue"/> marks <c>AWS::NoValue</c> (the property is dropped).
/// </summary>
internal sealed partial class TemplateContext
{
    /// <summary>Marker for <c>Ref: AWS::NoValue</c>; compared by reference, never added to a JSON tree.</summary>
    public static readonly JsonNode NoValue = JsonValue.Create("AWS::NoValue")!;

    private readonly Dictionary<string, JsonNode> _parameters;
    private readonly MappingNode? _mappings;
    private readonly MappingNode? _conditions;
    private readonly Dictionary<string, bool> _conditionValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conditionsInProgress = new(StringComparer.Ordinal);

    public TemplateContext(
        string file,
        string stackName,
        string region,
        string accountId,
        IReadOnlyDictionary<string, JsonNode> parameters,
        MappingNode? mappings,
        MappingNode? conditions,
        IReadOnlyDictionary<string, TemplateResource> resources)
    {
        File = file;
        StackName = stackName;
        Region = region;
        AccountId = accountId;
        Partition = region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
        _parameters = new Dictionary<string, JsonNode>(parameters, StringComparer.Ordinal);
        _mappings = mappings;
        _conditions = conditions;
        Resources = resources;
    }

    public string File { get; }
    public string StackName { get; }
    public string Region { get; }
    public string AccountId { get; }
    public string Partition { get; }
    public string UrlSuffix => Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    public IReadOnlyDictionary<string, TemplateResource> Resources { get; }

    public TemplateException Error(int line, string problem) => new(File, line, problem);

    public JsonNode? Evaluate(TemplateNode node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                return ScalarValue(scalar);
            case SequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    var value = Evaluate(item);
                    if (!ReferenceEquals(value, NoValue))
                    {
                        array.Add(value);
                    }
                }

                return array;
            case MappingNode { IsIntrinsic: true } call:
                return EvaluateFunction(call.Entries[0].Key, call.Entries[0].Value, call.Line);
            case MappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, valueNode) in mapping.Entries)
                {
                    var value = Evaluate(valueNode);
                    if (!ReferenceEquals(value, NoValue))
                    {
                        obj[key] = value;
                    }
                }

                return obj;
            default:
                throw Error(node.Line, "unsupported node");
        }
    }

    /// <summary>Evaluates a node that must produce a string (numbers and booleans are rendered as CloudFormation does).</summary>
    public string EvaluateString(TemplateNode node, string what)
    {
        var value = Evaluate(node);
        return AsString(value, node.Line, what);
    }

    public string AsString(JsonNode? value, int line, string what)
    {
        if (value is JsonValue scalar && !ReferenceEquals(value, NoValue))
        {
            if (scalar.TryGetValue<string>(out var text))
            {
                return text;
            }

            if (scalar.TryGetValue<bool>(out var flag))
            {
                return flag ? "true" : "false";
            }

            return scalar.ToJsonString();
        }

        throw Error(line, $"{what} must be a string, got {Describe(value)}");
    }

    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "a mapping",
        _ when ReferenceEquals(value, NoValue) => "AWS::NoValue",
        _ => value.ToJsonString(),
    };

    private static JsonNode? ScalarValue(ScalarNode scalar)
    {
        var text = scalar.Value;
        if (!scalar.Plain)
        {
            return JsonValue.Create(text ?? "");
        }

        if (text is null or "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            && !text.StartsWith('+') && (text.Length == 1 || !text.TrimStart('-').StartsWith('0')))
        {
            return JsonValue.Create(integer);
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            && text.Contains('.', StringComparison.Ordinal) && char.IsDigit(text[^1]))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    public bool IsConditionTrue(string name, int line)
    {
        if (_conditionValues.TryGetValue(name, out var known))
        {
            return known;
        }

        var definition = _conditions?[name] ?? throw Error(line, $"unknown condition '{name}'");
        if (!_conditionsInProgress.Add(name))
        {
            throw Error(line, $"condition '{name}' depends on itself");
        }

        var value = EvaluateCondition(definition);
        _conditionsInProgress.Remove(name);
        _conditionValues[name] = value;
        return value;
    }

    private bool EvaluateCondition(TemplateNode node)
    {
        var value = Evaluate(node);
        if (value is JsonValue v && v.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        if (value is JsonValue s && s.TryGetValue<string>(out var text) && bool.TryParse(text, out var parsed))
        {
            return parsed;
        }

        throw Error(node.Line, $"a condition must evaluate to true or false, got {Describe(value)}");
    }

    public bool TryGetParameter(string name, out JsonNode value) => _parameters.TryGetValue(name, out value!);

    private JsonNode FindInMap(TemplateNode argument, int line)
    {
        if (argument is not SequenceNode { Items.Count: 3 or 4 } args)
        {
            throw Error(line, "Fn::FindInMap needs [MapName, TopLevelKey, SecondLevelKey]");
        }

        var mapName = EvaluateString(args.Items[0], "Fn::FindInMap map name");
        var top = EvaluateString(args.Items[1], "Fn::FindInMap top-level key");
        var second = EvaluateString(args.Items[2], "Fn::FindInMap second-level key");
        var found = (_mappings?[mapName] as MappingNode)?[top] is MappingNode topMap ? topMap[second] : null;
        if (found is not null)
        {
            return Evaluate(found) ?? throw Error(line, $"mapping {mapName}/{top}/{second} is null");
        }

        if (args.Items.Count == 4 && args.Items[3] is MappingNode options && options["DefaultValue"] is { } fallback)
        {
            return Evaluate(fallback) ?? throw Error(line, "Fn::FindInMap DefaultValue is null");
        }

        throw Error(line, $"Fn::FindInMap: no value for [{mapName}, {top}, {second}] in Mappings");
    }
}
