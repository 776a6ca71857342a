using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflow.EventBridge;

/// <summary>
/// AWS's input transformer: variables read from the event by JSONPath, substituted into a template as &lt;name&gt;.
/// In a JSON template (starting with '{' or '[') a string variable outside quotes is inserted as a JSON string and
/// inside quotes as escaped text; in any other template strings are inserted as plain text. Other values are
/// inserted as their JSON. The predefined variables aws.events.rule-arn, aws.events.rule-name,
/// aws.events.event.ingestion-time, aws.events.event (the event without "detail") and aws.events.event.json
/// (the whole event) are always available.
/// </summary>
public sealed partial record InputTransformer(IReadOnlyDictionary<string, string> InputPathsMap, string InputTemplate)
{
    public const int MaxVariables = 100;
    public const int MaxTemplateLength = 8192;

    private const string RuleArnVariable = "aws.events.rule-arn";
    private const string RuleNameVariable = "aws.events.rule-name";
    private const string IngestionTimeVariable = "aws.events.event.ingestion-time";
    private const string EventVariable = "aws.events.event";
    private const string EventJsonVariable = "aws.events.event.json";

    [GeneratedRegex("^[A-Za-z0-9_\\-]+$")]
    private static partial Regex VariableName();

    /// <summary>Throws <see cref="EventBridgeException"/> (ValidationException) as PutTargets would.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(InputTemplate) || InputTemplate.Length > MaxTemplateLength)
        {
            throw EventBridgeException.Validation($"InputTemplate must be between 1 and {MaxTemplateLength} characters.");
        }
        if (InputPathsMap.Count > MaxVariables)
        {
            throw EventBridgeException.Validation($"InputPathsMap can have at most {MaxVariables} entries.");
        }
        foreach (var (name, path) in InputPathsMap)
        {
            if (name.StartsWith("aws.", StringComparison.OrdinalIgnoreCase) || !VariableName().IsMatch(name))
            {
                throw EventBridgeException.Validation($"InputTransformer variable name '{name}' is not valid.");
            }
            EventJsonPath.Parse(path);
        }
        if (IsJsonTemplate(InputTemplate) && PlaceholderUsedAsKey(InputTemplate))
        {
            throw EventBridgeException.Validation("InputTemplate placeholders cannot be used as JSON object keys.");
        }
    }

    public string Apply(string eventJson, string ruleName, string ruleArn, DateTimeOffset ingestionTime)
    {
        var eventNode = JsonNode.Parse(eventJson);
        var values = new Dictionary<string, (JsonNode? Value, bool Found)>(StringComparer.Ordinal)
        {
            [RuleArnVariable] = (JsonValue.Create(ruleArn), true),
            [RuleNameVariable] = (JsonValue.Create(ruleName), true),
            [IngestionTimeVariable] = (JsonValue.Create(EventEnvelope.FormatTime(ingestionTime)), true),
            [EventJsonVariable] = (eventNode?.DeepClone(), true),
            [EventVariable] = (WithoutDetail(eventNode), true),
        };
        foreach (var (name, path) in InputPathsMap)
        {
            var selected = EventJsonPath.Parse(path).Select(eventNode, out var found);
            values[name] = (selected, found);
        }
        return Render(values);
    }

    private string Render(Dictionary<string, (JsonNode? Value, bool Found)> values)
    {
        var json = IsJsonTemplate(InputTemplate);
        var output = new StringBuilder(InputTemplate.Length);
        var inString = false;
        for (var i = 0; i < InputTemplate.Length; i++)
        {
            var c = InputTemplate[i];
            if (c == '<')
            {
                var close = InputTemplate.IndexOf('>', i + 1);
                if (close > i && values.TryGetValue(InputTemplate[(i + 1)..close], out var variable))
                {
                    output.Append(Format(variable.Value, variable.Found, json, inString));
                    i = close;
                    continue;
                }
            }
            if (json && c == '\\' && inString && i + 1 < InputTemplate.Length)
            {
                output.Append(c).Append(InputTemplate[++i]);
                continue;
            }
            if (json && c == '"')
            {
                inString = !inString;
            }
            output.Append(c);
        }
        return output.ToString();
    }

    private static string Format(JsonNode? value, bool found, bool jsonTemplate, bool inString)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var text = v.GetValue<string>();
            if (!jsonTemplate)
            {
                return text;
            }
            var encoded = JsonSerializer.Serialize(text, EventBridgeJsonContext.Default.String);
            return inString ? encoded[1..^1] : encoded;
        }
        if (!found || value is null)
        {
            return jsonTemplate && !inString ? "null" : "";
        }
        var raw = value.ToJsonString();
        return jsonTemplate && inString ? JsonSerializer.Serialize(raw, EventBridgeJsonContext.Default.String)[1..^1] : raw;
    }

    private static JsonNode? WithoutDetail(JsonNode? eventNode)
    {
        if (eventNode?.DeepClone() is not JsonObject copy)
        {
            return eventNode?.DeepClone();
        }
        copy.Remove("detail");
        return copy;
    }

    private static bool IsJsonTemplate(string template)
    {
        var trimmed = template.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '{' or '[';
    }

    [GeneratedRegex("[{,]\\s*<[^>]+>\\s*:")]
    private static partial Regex PlaceholderKey();

    private static bool PlaceholderUsedAsKey(string template) => PlaceholderKey().IsMatch(template);
}
