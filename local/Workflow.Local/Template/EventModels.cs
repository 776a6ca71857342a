namespace Workflow.Local.Template;

/// <summary>An EventBridge bus: the account's <c>default</c> bus is always present.</summary>
public sealed record EventBusModel(string LogicalId, string Name, string Arn, EventArchiveModel? Archive);

/// <summary>An <c>AWS::Events::Archive</c> of a bus (pattern JSON is null when it archives every event).</summary>
public sealed record EventArchiveModel(string LogicalId, string Name, string? EventPatternJson, int? RetentionDays);

/// <summary>Where a rule came from in the template.</summary>
public enum EventRuleOrigin
{
    /// <summary>An <c>AWS::Events::Rule</c> resource.</summary>
    EventsRule,
    /// <summary>A SAM <c>EventBridgeRule</c> (or <c>CloudWatchEvent</c>) event of a function or state machine.</summary>
    SamEventBridgeRule,
    /// <summary>A SAM <c>Schedule</c> event (an EventBridge rule with a schedule expression on the default bus).</summary>
    SamSchedule,
    /// <summary>A SAM <c>ScheduleV2</c> event (an EventBridge Scheduler schedule).</summary>
    SamScheduleV2,
}

/// <summary>
/// A rule: either an event pattern on a bus or a schedule expression (<c>rate(5 minutes)</c>, <c>cron(...)</c>,
/// <c>at(...)</c>). <see cref="State"/> is <c>ENABLED</c> or <c>DISABLED</c>.
/// </summary>
public sealed record EventRuleModel(
    string LogicalId,
    string Name,
    string Arn,
    EventRuleOrigin Origin,
    string EventBusName,
    string? EventPatternJson,
    string? ScheduleExpression,
    string? ScheduleExpressionTimezone,
    string State,
    IReadOnlyList<EventTargetModel> Targets);

/// <summary>What kind of resource a target ARN names.</summary>
public enum EventTargetKind
{
    StateMachine,
    Function,
    Queue,
    EventBus,
    Topic,
    Other,
}

/// <summary>
/// One target of a rule. At most one of <see cref="Input"/>, <see cref="InputPath"/>, <see cref="InputTransformer"/>
/// is set, as in EventBridge.
/// </summary>
public sealed record EventTargetModel(
    string Id,
    string Arn,
    EventTargetKind Kind,
    string? Input,
    string? InputPath,
    InputTransformerModel? InputTransformer,
    RetryPolicyModel? RetryPolicy,
    DeadLetterConfigModel? DeadLetterConfig);

/// <summary>EventBridge <c>InputTransformer</c>: JSONPath per placeholder and the template text.</summary>
public sealed record InputTransformerModel(IReadOnlyDictionary<string, string> InputPathsMap, string InputTemplate);

/// <summary>EventBridge target retry policy (defaults in AWS: 185 attempts, 86400 seconds).</summary>
public sealed record RetryPolicyModel(int? MaximumRetryAttempts, int? MaximumEventAgeInSeconds);

/// <summary>Dead-letter queue of a target: the queue ARN (and its logical id when the queue is in the template).</summary>
public sealed record DeadLetterConfigModel(string Arn, string? QueueLogicalId);

/// <summary>An SQS queue (used as dead-letter queue of targets).</summary>
public sealed record QueueModel(string LogicalId, string Name, string Arn, string Url);
