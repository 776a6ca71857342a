using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.EventBridge;
using Workflow.Local.Template;

namespace Workflow.Local.Notifications;

/// <summary>
/// A subscription's filter policy. SNS filter policies use the same matching operators as EventBridge event patterns
/// (exact values, prefix, suffix, anything-but, numeric, exists, $or), so they are compiled with the EventBridge
/// pattern engine and matched against the message body (scope MessageBody: messages that are not a JSON object never
/// match) or against the message attributes as a JSON object (scope MessageAttributes, SNS's default).
/// See https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering.html
/// </summary>
public sealed class SubscriptionFilter
{
    private readonly EventPattern? pattern;
    private readonly FilterPolicyScope scope;

    public SubscriptionFilter(SubscriptionModel subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        scope = subscription.FilterPolicyScope;
        try
        {
            pattern = subscription.FilterPolicyJson is { } policy ? EventPattern.Parse(policy) : null;
        }
        catch (InvalidEventPatternException error)
        {
            throw new InvalidOperationException($"Subscription {subscription.LogicalId}: the filter policy is not valid: {error.Message}", error);
        }
    }

    public bool Accepts(string message, IReadOnlyDictionary<string, MessageAttribute> attributes)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(attributes);
        if (pattern is null)
        {
            return true;
        }

        if (scope == FilterPolicyScope.MessageAttributes)
        {
            return pattern.Matches(AttributesAsJson(attributes));
        }

        try
        {
            using var body = JsonDocument.Parse(message);
            return body.RootElement.ValueKind == JsonValueKind.Object && pattern.Matches(body.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>String attributes as strings, Number as numbers, String.Array as arrays; Binary is never matched by SNS.</summary>
    private static string AttributesAsJson(IReadOnlyDictionary<string, MessageAttribute> attributes)
    {
        var root = new JsonObject();
        foreach (var (name, attribute) in attributes)
        {
            JsonNode? value = attribute.DataType switch
            {
                "Number" when decimal.TryParse(attribute.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                "String.Array" => ParseArray(attribute.Value),
                var type when type.StartsWith("String", StringComparison.Ordinal) => JsonValue.Create(attribute.Value),
                _ => null,
            };
            if (value is not null)
            {
                root[name] = value;
            }
        }

        return root.ToJsonString();
    }

    private static JsonNode? ParseArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
