using System.Text.Json.Nodes;
using Workflow.StateMachine.Runtime;

namespace Workflow.StateMachine.History;

/// <summary>
/// One execution history event with AWS's event type name and the details AWS records for it. Payloads are kept
/// as JSON text (as AWS returns them); <see cref="HistoryEventWriter"/> renders the AWS GetExecutionHistory shape.
/// </summary>
public sealed class HistoryEvent
{
    private long id;
    private long previousEventId;
    private DateTimeOffset timestamp;

    public long Id
    {
        get => id;
        init => id = value;
    }

    public long PreviousEventId
    {
        get => previousEventId;
        init => previousEventId = value;
    }

    public DateTimeOffset Timestamp
    {
        get => timestamp;
        init => timestamp = value;
    }

    public required string Type { get; init; }

    /// <summary>State name for state events; the Map state's name for Map iteration events.</summary>
    public string? Name { get; init; }

    private string? input;
    private string? output;
    private string? parameters;

    /// <summary>Payloads recorded as nodes are turned into text only when someone reads them.</summary>
    internal JsonNode? InputNode { get; init; }

    internal bool HasInputNode { get; init; }

    internal JsonNode? OutputNode { get; init; }

    internal bool HasOutputNode { get; init; }

    internal JsonNode? ParametersNode { get; init; }

    internal bool HasParametersNode { get; init; }

    public string? Input
    {
        get => input ??= HasInputNode ? JsonText.Of(InputNode) : null;
        init => input = value;
    }

    public string? Output
    {
        get => output ??= HasOutputNode ? JsonText.Of(OutputNode) : null;
        init => output = value;
    }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public int? Index { get; init; }

    public int? Length { get; init; }

    public string? Resource { get; init; }

    public string? ResourceType { get; init; }

    public string? Parameters
    {
        get => parameters ??= HasParametersNode ? JsonText.Of(ParametersNode) : null;
        init => parameters = value;
    }

    public string? Region { get; init; }

    public long? TimeoutInSeconds { get; init; }

    public long? HeartbeatInSeconds { get; init; }

    public string? RoleArn { get; init; }

    /// <summary>Gives a freshly built event its place in the history (done once, by the recorder, before publishing it).</summary>
    internal void Stamp(long eventId, long previous, DateTimeOffset at)
    {
        id = eventId;
        previousEventId = previous;
        timestamp = at;
    }

    /// <summary>Variables assigned on state exit: name → JSON text of the value.</summary>
    public IReadOnlyDictionary<string, string>? AssignedVariables { get; init; }
}
