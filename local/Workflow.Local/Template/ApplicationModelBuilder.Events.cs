using System.Text.Json.Nodes;

namespace Workflow.Local.Template;

internal sealed partial class ApplicationModelBuilder
{
    /// <summary>Adds the rule SAM generates for an EventBridgeRule/CloudWatchEvent/Schedule/ScheduleV2 event; null for other event types.</summary>
    private EventRuleModel? AddSamEventRule(
        TemplateResource owner, string eventName, string type, JsonObject eventProperties, string targetArn, EventTargetKind kind)
    {
        var origin = type switch
        {
            "EventBridgeRule" or "CloudWatchEvent" => EventRuleOrigin.SamEventBridgeRule,
            "Schedule" => EventRuleOrigin.SamSchedule,
            "ScheduleV2" => EventRuleOrigin.SamScheduleV2,
            _ => (EventRuleOrigin?)null,
        };
        if (origin is null)
        {
            return null;
        }

        var p = new JsonProperties(eventProperties, context, owner.Line, $"{owner.LogicalId}.Events.{eventName}");
        var logicalId = owner.LogicalId + eventName;
        var name = (origin == EventRuleOrigin.SamEventBridgeRule ? p.String("RuleName") : p.String("Name"))
            ?? Truncate($"{context.StackName}-{logicalId}", 64);
        var bus = origin == EventRuleOrigin.SamEventBridgeRule ? BusName(p.String("EventBusName")) : "default";
        var state = p.String("State") ?? (p.Bool("Enabled") is false ? "DISABLED" : "ENABLED");
        var deadLetter = p.Object_("DeadLetterConfig") is { } dlq ? SamDeadLetter(logicalId, dlq) : null;
        var target = new EventTargetModel(
            p.Object_("Target")?.String("Id") ?? logicalId + (kind == EventTargetKind.StateMachine ? "StepFunctionsTarget" : "LambdaTarget"),
            targetArn,
            kind,
            InputText(p["Input"], p),
            p.String("InputPath"),
            p.Object_("InputTransformer") is { } transformer ? Transformer(transformer) : null,
            p.Object_("RetryPolicy") is { } retry ? new RetryPolicyModel(retry.Int("MaximumRetryAttempts"), retry.Int("MaximumEventAgeInSeconds")) : null,
            deadLetter);
        var arn = origin == EventRuleOrigin.SamScheduleV2
            ? $"arn:{context.Partition}:scheduler:{context.Region}:{context.AccountId}:schedule/{p.String("GroupName") ?? "default"}/{name}"
            : $"arn:{context.Partition}:events:{context.Region}:{context.AccountId}:rule/{(bus == "default" ? "" : bus + "/")}{name}";
        var rule = new EventRuleModel(
            logicalId,
            name,
            arn,
            origin.Value,
            bus,
            origin == EventRuleOrigin.SamEventBridgeRule ? PatternJson(p["Pattern"], p) : null,
            origin switch
            {
                EventRuleOrigin.SamSchedule => p.RequiredString("Schedule"),
                EventRuleOrigin.SamScheduleV2 => p.RequiredString("ScheduleExpression"),
                _ => null,
            },
            origin == EventRuleOrigin.SamScheduleV2 ? p.String("ScheduleExpressionTimezone") : null,
            state,
            [target]);
        _rules.Add(rule);
        return rule;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static string BusName(string? nameOrArn) => nameOrArn switch
    {
        null or "" => "default",
        _ when nameOrArn.StartsWith("arn:", StringComparison.Ordinal) => nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..],
        _ => nameOrArn,
    };

    /// <summary>SAM's DeadLetterConfig: an existing queue Arn, or <c>Type: SQS</c> which makes SAM create a queue.</summary>
    private DeadLetterConfigModel SamDeadLetter(string ruleLogicalId, JsonProperties dlq)
    {
        if (dlq.String("Arn") is { } arn)
        {
            return new DeadLetterConfigModel(arn, _queues.FirstOrDefault(q => q.Arn == arn)?.LogicalId);
        }

        if (dlq.String("Type") != "SQS")
        {
            throw context.Error(dlq.Line, $"{dlq.Owner}: needs Arn or Type: SQS");
        }

        var queueLogicalId = dlq.String("QueueLogicalId") ?? ruleLogicalId + "Queue";
        var existing = _queues.FirstOrDefault(q => q.LogicalId == queueLogicalId);
        if (existing is null)
        {
            var name = Truncate($"{context.StackName}-{queueLogicalId}", 80);
            existing = new QueueModel(queueLogicalId, name,
                $"arn:{context.Partition}:sqs:{context.Region}:{context.AccountId}:{name}", context.QueueUrl(name));
            _queues.Add(existing);
        }

        return new DeadLetterConfigModel(existing.Arn, existing.LogicalId);
    }

    private static InputTransformerModel Transformer(JsonProperties transformer) =>
        new(transformer.StringMap("InputPathsMap"), transformer.RequiredString("InputTemplate"));

    /// <summary>Input is a JSON text; a mapping written in YAML is accepted and serialised.</summary>
    private string? InputText(JsonNode? input, JsonProperties owner) => input switch
    {
        null => null,
        JsonObject or JsonArray => input.ToJsonString(),
        _ => owner.Context.AsString(input, owner.Line, $"{owner.Owner}.Input"),
    };

    private string? PatternJson(JsonNode? pattern, JsonProperties owner) => pattern switch
    {
        null => null,
        JsonObject => pattern.ToJsonString(),
        _ => ParsePatternText(owner.Context.AsString(pattern, owner.Line, $"{owner.Owner} event pattern"), owner),
    };

    private string ParsePatternText(string text, JsonProperties owner)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject obj ? obj.ToJsonString()
                : throw context.Error(owner.Line, $"{owner.Owner}: the event pattern must be a JSON object");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw context.Error(owner.Line, $"{owner.Owner}: the event pattern is not valid JSON: {ex.Message}");
        }
    }

    private void BuildEventsRules()
    {
        foreach (var resource in Active("AWS::Events::Rule"))
        {
            var p = Properties(resource);
            var bus = BusName(p.String("EventBusName"));
            var targets = new List<EventTargetModel>();
            foreach (var node in p.Array("Targets") ?? [])
            {
                var t = new JsonProperties(node as JsonObject ?? new JsonObject(), context, resource.Line, $"{resource.LogicalId}.Targets");
                var arn = t.RequiredString("Arn");
                targets.Add(new EventTargetModel(
                    t.RequiredString("Id"),
                    arn,
                    KindOf(arn),
                    t.String("Input"),
                    t.String("InputPath"),
                    t.Object_("InputTransformer") is { } transformer ? Transformer(transformer) : null,
                    t.Object_("RetryPolicy") is { } retry ? new RetryPolicyModel(retry.Int("MaximumRetryAttempts"), retry.Int("MaximumEventAgeInSeconds")) : null,
                    t.Object_("DeadLetterConfig")?.String("Arn") is { } dlqArn
                        ? new DeadLetterConfigModel(dlqArn, _queues.FirstOrDefault(q => q.Arn == dlqArn)?.LogicalId)
                        : null));
            }

            _rules.Add(new EventRuleModel(
                resource.LogicalId,
                context.PhysicalName(resource.LogicalId, resource.Line),
                context.Arn(resource, resource.Line),
                EventRuleOrigin.EventsRule,
                bus,
                PatternJson(p["EventPattern"], p),
                p.String("ScheduleExpression"),
                null,
                p.String("State") ?? "ENABLED",
                targets));
        }
    }

    public static EventTargetKind KindOf(string arn)
    {
        var parts = arn.Split(':');
        var service = parts.Length > 2 ? parts[2] : "";
        return service switch
        {
            "states" when arn.Contains(":stateMachine:", StringComparison.Ordinal) => EventTargetKind.StateMachine,
            "lambda" => EventTargetKind.Function,
            "sqs" => EventTargetKind.Queue,
            "sns" => EventTargetKind.Topic,
            "events" when arn.Contains(":event-bus/", StringComparison.Ordinal) => EventTargetKind.EventBus,
            _ => EventTargetKind.Other,
        };
    }

    private List<EventBusModel> BuildEventBuses()
    {
        var archives = new List<(string SourceArn, EventArchiveModel Archive)>();
        foreach (var resource in Active("AWS::Events::Archive"))
        {
            var p = Properties(resource);
            archives.Add((p.RequiredString("SourceArn"), new EventArchiveModel(
                resource.LogicalId,
                context.PhysicalName(resource.LogicalId, resource.Line),
                PatternJson(p["EventPattern"], p),
                p.Int("RetentionDays"))));
        }

        EventArchiveModel? ArchiveOf(string busArn) => archives.FirstOrDefault(a => a.SourceArn == busArn).Archive;
        var defaultArn = $"arn:{context.Partition}:events:{context.Region}:{context.AccountId}:event-bus/default";
        var buses = new List<EventBusModel> { new("default", "default", defaultArn, ArchiveOf(defaultArn)) };
        foreach (var resource in Active("AWS::Events::EventBus"))
        {
            var arn = context.Arn(resource, resource.Line);
            buses.Add(new EventBusModel(resource.LogicalId, context.PhysicalName(resource.LogicalId, resource.Line), arn, ArchiveOf(arn)));
        }

        return buses;
    }
}
