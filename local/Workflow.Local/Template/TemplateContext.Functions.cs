using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

internal sealed partial class TemplateContext
{
    private JsonNode? EvaluateFunction(string function, TemplateNode argument, int line) => function switch
    {
        "Ref" => Ref(EvaluateString(argument, "Ref"), line),
        "Condition" => JsonValue.Create(IsConditionTrue(EvaluateString(argument, "Condition"), line)),
        "Fn::Sub" => JsonValue.Create(Sub(argument, line)),
        "Fn::GetAtt" => GetAtt(argument, line),
        "Fn::Join" => JsonValue.Create(Join(argument, line)),
        "Fn::Select" => Select(argument, line),
        "Fn::Split" => Split(argument, line),
        "Fn::If" => If(argument, line),
        "Fn::Equals" => JsonValue.Create(EqualsFunction(argument, line)),
        "Fn::Not" => JsonValue.Create(!BooleanArguments(argument, line, "Fn::Not", 1, 1)[0]),
        "Fn::And" => JsonValue.Create(BooleanArguments(argument, line, "Fn::And", 2, 10).All(b => b)),
        "Fn::Or" => JsonValue.Create(BooleanArguments(argument, line, "Fn::Or", 2, 10).Any(b => b)),
        "Fn::FindInMap" => FindInMap(argument, line),
        "Fn::Base64" => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(EvaluateString(argument, "Fn::Base64")))),
        "Fn::GetAZs" => new JsonArray(JsonValue.Create(Region + "a"), JsonValue.Create(Region + "b"), JsonValue.Create(Region + "c")),
        "Fn::Length" => JsonValue.Create(Evaluate(argument) is JsonArray list ? list.Count
            : throw Error(line, "Fn::Length needs a list")),
        "Fn::ToJsonString" => JsonValue.Create(Evaluate(argument)?.ToJsonString() ?? "null"),
        "Fn::ImportValue" => throw Error(line,
            "Fn::ImportValue cannot be resolved locally (the local runtime runs a single stack): pass the value as a parameter instead"),
        _ => throw Error(line, $"{function} is not supported by the local runtime"),
    };

    private JsonNode Ref(string name, int line)
    {
        switch (name)
        {
            case "AWS::Region": return JsonValue.Create(Region);
            case "AWS::AccountId": return JsonValue.Create(AccountId);
            case "AWS::StackName": return JsonValue.Create(StackName);
            case "AWS::StackId":
                return JsonValue.Create($"arn:{Partition}:cloudformation:{Region}:{AccountId}:stack/{StackName}/00000000-0000-0000-0000-000000000000");
            case "AWS::Partition": return JsonValue.Create(Partition);
            case "AWS::URLSuffix": return JsonValue.Create(UrlSuffix);
            case "AWS::NotificationARNs": return new JsonArray();
            case "AWS::NoValue": return NoValue;
        }

        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter.DeepClone();
        }

        return JsonValue.Create(ResourceRef(name, line));
    }

    private JsonNode GetAtt(TemplateNode argument, int line)
    {
        string logicalId;
        string attribute;
        if (argument is ScalarNode)
        {
            var text = EvaluateString(argument, "Fn::GetAtt");
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == text.Length - 1)
            {
                throw Error(line, $"Fn::GetAtt '{text}' must be LogicalId.Attribute");
            }

            logicalId = text[..dot];
            attribute = text[(dot + 1)..];
        }
        else if (argument is SequenceNode { Items.Count: 2 } pair)
        {
            logicalId = EvaluateString(pair.Items[0], "Fn::GetAtt logical id");
            attribute = EvaluateString(pair.Items[1], "Fn::GetAtt attribute");
        }
        else
        {
            throw Error(line, "Fn::GetAtt needs LogicalId.Attribute or [LogicalId, Attribute]");
        }

        return JsonValue.Create(ResourceAttribute(logicalId, attribute, line));
    }

    private string Sub(TemplateNode argument, int line)
    {
        TemplateNode template;
        Dictionary<string, JsonNode?> variables = new(StringComparer.Ordinal);
        if (argument is SequenceNode { Items.Count: 2 } pair)
        {
            template = pair.Items[0];
            if (pair.Items[1] is not MappingNode map)
            {
                throw Error(pair.Items[1].Line, "the second argument of Fn::Sub must be a mapping of variables");
            }

            foreach (var (key, value) in map.Entries)
            {
                variables[key] = Evaluate(value);
            }
        }
        else if (argument is ScalarNode)
        {
            template = argument;
        }
        else
        {
            throw Error(line, "Fn::Sub needs a string or [string, {variables}]");
        }

        var text = EvaluateString(template, "Fn::Sub template");
        return Substitute(text, template.Line, name =>
        {
            if (variables.TryGetValue(name, out var value))
            {
                return AsString(value, template.Line, $"Fn::Sub variable '{name}'");
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                return ResourceAttribute(name[..dot], name[(dot + 1)..], template.Line);
            }

            return AsString(Ref(name, template.Line), template.Line, $"${{{name}}}");
        });
    }

    /// <summary>Replaces <c>${Name}</c> placeholders; <c>${!Literal}</c> stands for the text <c>${Literal}</c>.</summary>
    private string Substitute(string text, int line, Func<string, string> resolve)
    {
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOf("${", index, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, index, text.Length - index);
                break;
            }

            result.Append(text, index, start - index);
            var end = text.IndexOf('}', start + 2);
            if (end < 0)
            {
                throw Error(line, $"Fn::Sub: unterminated '${{' in \"{text}\"");
            }

            var name = text[(start + 2)..end].Trim();
            if (name.StartsWith('!'))
            {
                result.Append("${").Append(name, 1, name.Length - 1).Append('}');
            }
            else
            {
                result.Append(resolve(name));
            }

            index = end + 1;
        }

        return result.ToString();
    }

    private string Join(TemplateNode argument, int line)
    {
        if (argument is not SequenceNode { Items.Count: 2 } pair)
        {
            throw Error(line, "Fn::Join needs [delimiter, [values]]");
        }

        var delimiter = EvaluateString(pair.Items[0], "Fn::Join delimiter");
        if (Evaluate(pair.Items[1]) is not JsonArray values)
        {
            throw Error(pair.Items[1].Line, "Fn::Join needs a list of values");
        }

        return string.Join(delimiter, values.Select(v => AsString(v, pair.Items[1].Line, "Fn::Join value")));
    }

    private JsonNode? Select(TemplateNode argument, int line)
    {
        if (argument is not SequenceNode { Items.Count: 2 } pair)
        {
            throw Error(line, "Fn::Select needs [index, [values]]");
        }

        var indexText = EvaluateString(pair.Items[0], "Fn::Select index");
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw Error(line, $"Fn::Select index '{indexText}' is not a number");
        }

        if (Evaluate(pair.Items[1]) is not JsonArray values)
        {
            throw Error(pair.Items[1].Line, "Fn::Select needs a list of values");
        }

        if (index >= values.Count)
        {
            throw Error(line, $"Fn::Select index {index} is out of range (the list has {values.Count} values)");
        }

        return values[index]?.DeepClone();
    }

    private JsonArray Split(TemplateNode argument, int line)
    {
        if (argument is not SequenceNode { Items.Count: 2 } pair)
        {
            throw Error(line, "Fn::Split needs [delimiter, string]");
        }

        var delimiter = EvaluateString(pair.Items[0], "Fn::Split delimiter");
        var source = EvaluateString(pair.Items[1], "Fn::Split source");
        var array = new JsonArray();
        foreach (var part in source.Split(delimiter))
        {
            array.Add(JsonValue.Create(part));
        }

        return array;
    }

    private JsonNode? If(TemplateNode argument, int line)
    {
        if (argument is not SequenceNode { Items.Count: 3 } args)
        {
            throw Error(line, "Fn::If needs [condition, value if true, value if false]");
        }

        var condition = EvaluateString(args.Items[0], "Fn::If condition");
        return Evaluate(IsConditionTrue(condition, args.Items[0].Line) ? args.Items[1] : args.Items[2]);
    }

    private bool EqualsFunction(TemplateNode argument, int line)
    {
        if (argument is not SequenceNode { Items.Count: 2 } pair)
        {
            throw Error(line, "Fn::Equals needs [value, value]");
        }

        var left = Evaluate(pair.Items[0]);
        var right = Evaluate(pair.Items[1]);
        return Canonical(left) == Canonical(right);
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        null => "",
        _ => node.ToJsonString(),
    };

    private bool[] BooleanArguments(TemplateNode argument, int line, string function, int min, int max)
    {
        if (argument is not SequenceNode list || list.Items.Count < min || list.Items.Count > max)
        {
            throw Error(line, $"{function} needs a list of {min}{(max > min ? $" to {max}" : "")} conditions");
        }

        return list.Items.Select(EvaluateCondition).ToArray();
    }
}
