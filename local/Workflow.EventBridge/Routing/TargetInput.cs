using System.Text.Json.Nodes;

namespace Workflow.EventBridge;

/// <summary>Computes what a target receives: the event, the constant Input, the InputPath selection or the transformer output.</summary>
public static class TargetInput
{
    public static void Validate(RuleTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var configured = (target.Input is not null ? 1 : 0) + (target.InputPath is not null ? 1 : 0) + (target.InputTransformer is not null ? 1 : 0);
        if (configured > 1)
        {
            throw EventBridgeException.Validation(
                $"Target {target.Id}: only one of Input, InputPath and InputTransformer can be set.");
        }
        if (target.Input is not null)
        {
            try
            {
                JsonNode.Parse(target.Input);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw EventBridgeException.Validation($"Target {target.Id}: Input is not valid JSON: {ex.Message}");
            }
        }
        if (target.InputPath is not null)
        {
            EventJsonPath.Parse(target.InputPath);
        }
        target.InputTransformer?.Validate();
        target.RetryPolicy.Validate();
    }

    public static string Build(RuleTarget target, string eventJson, EventRule rule, DateTimeOffset ingestionTime)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rule);
        if (target.Input is not null)
        {
            return target.Input;
        }
        if (target.InputPath is not null)
        {
            var selected = EventJsonPath.Parse(target.InputPath).Select(JsonNode.Parse(eventJson), out var found);
            return found && selected is not null ? selected.ToJsonString() : "null";
        }
        if (target.InputTransformer is not null)
        {
            return target.InputTransformer.Apply(eventJson, rule.Name, rule.Arn, ingestionTime);
        }
        return eventJson;
    }
}
