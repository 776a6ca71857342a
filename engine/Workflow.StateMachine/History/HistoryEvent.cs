namespace Workflow.StateMachine.History;

/// <summary>
/// One execution history event with AWS's event type name and the details AWS records for it. Payloads are kept
/// as JSON text (as AWS returns them); <see cref="HistoryEventWriter"/> renders the AWS GetExecutionHistory shape.
/// </summary>
public sealed class HistoryEvent
{
    public long Id { get; init; }

    public long PreviousEventId { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public required string Type { get; init; }

    /// <summary>State name for state events; the Map state's name for Map iteration events.</summary>
    public string? Name { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public int? Index { get; init; }

    public int? Length { get; init; }

    public string? Resource { get; init; }

    public string? ResourceType { get; init; }

    public string? Parameters { get; init; }

    public string? Region { get; init; }

    public long? TimeoutInSeconds { get; init; }

    public long? HeartbeatInSeconds { get; init; }

    public string? RoleArn { get; init; }

    /// <summary>Variables assigned on state exit: name → JSON text of the value.</summary>
    public IReadOnlyDictionary<string, string>? AssignedVariables { get; init; }
}
