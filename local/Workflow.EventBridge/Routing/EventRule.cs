namespace Workflow.EventBridge;

public enum RuleState
{
    Enabled,
    Disabled,
}

/// <summary>A rule on a bus: an event pattern and/or a schedule, a state and up to five targets.</summary>
public sealed record EventRule
{
    public required string Name { get; init; }

    public string EventBusName { get; init; } = EventBus.DefaultName;

    public EventPattern? Pattern { get; init; }

    public ScheduleExpression? Schedule { get; init; }

    public RuleState State { get; init; } = RuleState.Enabled;

    public string? Description { get; init; }

    public IReadOnlyList<RuleTarget> Targets { get; init; } = [];

    /// <summary>Set by the router: arn:aws:events:region:account:rule/[bus/]name.</summary>
    public string Arn { get; init; } = "";

    public bool IsEnabled => State == RuleState.Enabled;

    /// <summary>AWS's spelling: ENABLED / DISABLED.</summary>
    public string StateText => State == RuleState.Enabled ? "ENABLED" : "DISABLED";

    public static RuleState ParseState(string? text) => text switch
    {
        null or "" or "ENABLED" => RuleState.Enabled,
        "DISABLED" => RuleState.Disabled,
        _ => throw EventBridgeException.Validation(
            $"1 validation error detected: Value '{text}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]"),
    };
}
