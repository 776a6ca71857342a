using System.Text.Json.Nodes;

namespace Workflow.EventBridge;

/// <summary>An AWS JSON 1.1 response: status code and body (errors carry "__type" and "message").</summary>
public sealed record EventBridgeApiResponse(int StatusCode, string Body)
{
    public const string ContentType = "application/x-amz-json-1.1";
}

/// <summary>
/// The EventBridge AWS JSON 1.1 protocol over an <see cref="EventRouter"/>: the host passes the operation (the part of
/// the X-Amz-Target header after "AWSEvents.") and the request body, and writes back the response.
/// </summary>
public sealed class EventBridgeJsonApi(EventRouter router)
{
    public const string TargetPrefix = "AWSEvents.";

    public static IReadOnlyList<string> Operations { get; } =
    [
        "PutEvents", "TestEventPattern", "PutRule", "DescribeRule", "ListRules", "DeleteRule", "EnableRule", "DisableRule",
        "PutTargets", "RemoveTargets", "ListTargetsByRule", "CreateEventBus", "DescribeEventBus", "ListEventBuses", "DeleteEventBus",
    ];

    /// <summary>Handles one request. <paramref name="operation"/> may include the "AWSEvents." prefix.</summary>
    public EventBridgeApiResponse Handle(string operation, string requestJson)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var name = operation.StartsWith(TargetPrefix, StringComparison.Ordinal) ? operation[TargetPrefix.Length..] : operation;
        try
        {
            var request = JsonRequest.Parse(requestJson ?? "");
            JsonObject result = name switch
            {
                "PutEvents" => PutEvents(request),
                "TestEventPattern" => new JsonObject
                {
                    ["Result"] = EventRouter.TestEventPattern(request.RequiredString("Event"), request.RequiredString("EventPattern")),
                },
                "PutRule" => PutRule(request),
                "DescribeRule" => DescribeRule(request),
                "ListRules" => ListRules(request),
                "DeleteRule" => Empty(() => router.DeleteRule(request.RequiredString("Name"), request.String("EventBusName"))),
                "EnableRule" => Empty(() => router.SetRuleState(request.RequiredString("Name"), request.String("EventBusName"), RuleState.Enabled)),
                "DisableRule" => Empty(() => router.SetRuleState(request.RequiredString("Name"), request.String("EventBusName"), RuleState.Disabled)),
                "PutTargets" => PutTargets(request),
                "RemoveTargets" => RemoveTargets(request),
                "ListTargetsByRule" => ListTargets(request),
                "CreateEventBus" => new JsonObject { ["EventBusArn"] = router.CreateEventBus(request.RequiredString("Name")).Arn },
                "DescribeEventBus" => DescribeEventBus(request),
                "ListEventBuses" => ListEventBuses(request),
                "DeleteEventBus" => Empty(() => router.DeleteEventBus(request.RequiredString("Name"))),
                _ => throw new EventBridgeException("UnknownOperationException", $"Unknown operation {name}."),
            };
            return new EventBridgeApiResponse(200, result.ToJsonString());
        }
        catch (EventBridgeException ex)
        {
            // EventBridge reports every client error, not-found included, as HTTP 400.
            return Error(400, ex.ErrorCode, ex.Message);
        }
    }

    private static EventBridgeApiResponse Error(int status, string type, string message) =>
        new(status, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString());

    private static JsonObject Empty(Action action)
    {
        action();
        return [];
    }

    private JsonObject PutEvents(JsonRequest request)
    {
        var entries = JsonRequest.Array(request.Body, "Entries") ?? [];
        var parsed = entries.Select(e => e is JsonObject o
            ? new PutEventsEntry
            {
                Source = JsonRequest.String(o, "Source"),
                DetailType = JsonRequest.String(o, "DetailType"),
                Detail = JsonRequest.String(o, "Detail"),
                EventBusName = JsonRequest.String(o, "EventBusName"),
                Resources = JsonRequest.Strings(o, "Resources"),
                Time = JsonRequest.Timestamp(o, "Time"),
                TraceHeader = JsonRequest.String(o, "TraceHeader"),
            }
            : throw new EventBridgeException("SerializationException", "Member 'Entries' must be a list of objects.")).ToList();
        var result = router.PutEvents(parsed);
        var array = new JsonArray();
        foreach (var entry in result.Entries)
        {
            array.Add(entry.IsSuccess
                ? new JsonObject { ["EventId"] = entry.EventId }
                : new JsonObject { ["ErrorCode"] = entry.ErrorCode, ["ErrorMessage"] = entry.ErrorMessage });
        }
        return new JsonObject { ["FailedEntryCount"] = result.FailedEntryCount, ["Entries"] = array };
    }

    private JsonObject PutRule(JsonRequest request)
    {
        var rule = router.PutRule(request.RequiredString("Name"), request.String("EventBusName"), request.String("EventPattern"),
            request.String("ScheduleExpression"), request.String("State"), request.String("Description"));
        return new JsonObject { ["RuleArn"] = rule.Arn };
    }

    private JsonObject DescribeRule(JsonRequest request)
    {
        var name = request.RequiredString("Name");
        var rule = router.DescribeRule(name, request.String("EventBusName"))
            ?? throw EventBridgeException.NotFound($"Rule {name} does not exist.");
        return RuleJson(rule);
    }

    private JsonObject ListRules(JsonRequest request)
    {
        var rules = router.ListRules(request.String("EventBusName"), request.String("NamePrefix"));
        var offset = ParseToken(request.String("NextToken"));
        var limit = Math.Clamp(JsonRequest.Int(request.Body, "Limit") ?? 100, 1, 100);
        var page = rules.Skip(offset).Take(limit).ToList();
        var result = new JsonObject { ["Rules"] = new JsonArray([.. page.Select(r => (JsonNode)RuleJson(r))]) };
        if (offset + page.Count < rules.Count)
        {
            result["NextToken"] = (offset + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    private static int ParseToken(string? token) =>
        token is null ? 0
        : int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw EventBridgeException.Validation("The NextToken is not valid.");

    private static JsonObject RuleJson(EventRule rule)
    {
        var json = new JsonObject { ["Name"] = rule.Name, ["Arn"] = rule.Arn };
        if (rule.Pattern is not null)
        {
            json["EventPattern"] = rule.Pattern.Text;
        }
        if (rule.Schedule is not null)
        {
            json["ScheduleExpression"] = rule.Schedule.Text;
        }
        json["State"] = rule.StateText;
        if (rule.Description is not null)
        {
            json["Description"] = rule.Description;
        }
        json["EventBusName"] = rule.EventBusName;
        return json;
    }

    private JsonObject PutTargets(JsonRequest request)
    {
        var targets = (JsonRequest.Array(request.Body, "Targets") ?? []).Select(t => t is JsonObject o
            ? ParseTarget(o)
            : throw new EventBridgeException("SerializationException", "Member 'Targets' must be a list of objects.")).ToList();
        if (targets.Count == 0)
        {
            throw EventBridgeException.Validation("1 validation error detected: Value '[]' at 'targets' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        router.PutTargets(request.RequiredString("Rule"), request.String("EventBusName"), targets);
        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    private static RuleTarget ParseTarget(JsonObject o)
    {
        var transformer = JsonRequest.Object(o, "InputTransformer");
        var pathsMap = transformer is null ? null : JsonRequest.Object(transformer, "InputPathsMap") ?? [];
        var retry = JsonRequest.Object(o, "RetryPolicy");
        var deadLetter = JsonRequest.Object(o, "DeadLetterConfig");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in o)
        {
            if (key is not ("Id" or "Arn" or "Input" or "InputPath" or "InputTransformer" or "RetryPolicy" or "DeadLetterConfig") && value is not null)
            {
                properties[key] = value.ToJsonString();
            }
        }
        return new RuleTarget
        {
            Id = JsonRequest.String(o, "Id") ?? "",
            Arn = JsonRequest.String(o, "Arn") ?? "",
            Input = JsonRequest.String(o, "Input"),
            InputPath = JsonRequest.String(o, "InputPath"),
            InputTransformer = transformer is null
                ? null
                : new InputTransformer(
                    pathsMap!.ToDictionary(p => p.Key, p => JsonRequest.String(pathsMap!, p.Key) ?? "", StringComparer.Ordinal),
                    JsonRequest.String(transformer, "InputTemplate") ?? ""),
            RetryPolicy = retry is null
                ? RetryPolicy.Default
                : new RetryPolicy(JsonRequest.Int(retry, "MaximumRetryAttempts") ?? RetryPolicy.Default.MaximumRetryAttempts,
                    JsonRequest.Int(retry, "MaximumEventAgeInSeconds") ?? RetryPolicy.Default.MaximumEventAgeInSeconds),
            DeadLetterConfig = deadLetter is null ? null : new DeadLetterConfig(JsonRequest.String(deadLetter, "Arn") ?? ""),
            Properties = properties,
        };
    }

    private JsonObject RemoveTargets(JsonRequest request)
    {
        router.RemoveTargets(request.RequiredString("Rule"), request.String("EventBusName"), JsonRequest.Strings(request.Body, "Ids"));
        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    private JsonObject ListTargets(JsonRequest request)
    {
        var name = request.RequiredString("Rule");
        var rule = router.DescribeRule(name, request.String("EventBusName"))
            ?? throw EventBridgeException.NotFound($"Rule {name} does not exist.");
        var array = new JsonArray();
        foreach (var target in rule.Targets)
        {
            var json = new JsonObject { ["Id"] = target.Id, ["Arn"] = target.Arn };
            if (target.Input is not null)
            {
                json["Input"] = target.Input;
            }
            if (target.InputPath is not null)
            {
                json["InputPath"] = target.InputPath;
            }
            if (target.InputTransformer is { } t)
            {
                var paths = new JsonObject();
                foreach (var (key, value) in t.InputPathsMap)
                {
                    paths[key] = value;
                }
                json["InputTransformer"] = new JsonObject { ["InputPathsMap"] = paths, ["InputTemplate"] = t.InputTemplate };
            }
            json["RetryPolicy"] = new JsonObject
            {
                ["MaximumRetryAttempts"] = target.RetryPolicy.MaximumRetryAttempts,
                ["MaximumEventAgeInSeconds"] = target.RetryPolicy.MaximumEventAgeInSeconds,
            };
            if (target.DeadLetterConfig is { } dlq)
            {
                json["DeadLetterConfig"] = new JsonObject { ["Arn"] = dlq.Arn };
            }
            foreach (var (key, value) in target.Properties)
            {
                json[key] = JsonNode.Parse(value);
            }
            array.Add(json);
        }
        return new JsonObject { ["Targets"] = array };
    }

    private JsonObject DescribeEventBus(JsonRequest request)
    {
        var name = ResourceNames.BusName(request.String("Name"));
        var bus = router.GetEventBus(name) ?? throw EventBridgeException.NotFound($"Event bus {name} does not exist.");
        return new JsonObject { ["Name"] = bus.Name, ["Arn"] = bus.Arn };
    }

    private JsonObject ListEventBuses(JsonRequest request)
    {
        var prefix = request.String("NamePrefix");
        return new JsonObject
        {
            ["EventBuses"] = new JsonArray([.. router.ListEventBuses()
                .Where(b => prefix is null || b.Name.StartsWith(prefix, StringComparison.Ordinal))
                .Select(b => (JsonNode)new JsonObject { ["Name"] = b.Name, ["Arn"] = b.Arn })]),
        };
    }
}
