using System.Text.Json.Nodes;
using Workflow.StateMachine.Runtime;

namespace Workflow.StateMachine.History;

/// <summary>
/// One execution history event with AWS's event type name and the details AWS records for it. Payloads are kept
/// as JSON text (as AWS returns them); <see cref="HistoryEventWriter"/> renders the AWS GetExecutionHistory shape.
/// </summary>
/// <remarks>
/// A Map over a thousand items records eleven thousand events that all stay alive until the execution ends, so
/// an event holds only what nearly every event has; the rarer details (task, failure, assignment fields) live in
/// a side object created only for events that have them.
/// </remarks>
public sealed class HistoryEvent
{
    /// <summary>Marks a payload recorded as the JSON <c>null</c> node (as opposed to no payload at all).</summary>
    private static readonly object NullNode = new();

    private long id;
    private long previousEventId;
    private long utcTicks;

    /// <summary>Payload slots: JSON text, a <see cref="JsonNode"/> rendered on first read, or <see cref="NullNode"/>.</summary>
    private object? input;
    private object? output;
    private Details? details;

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
        get => new(utcTicks, TimeSpan.Zero);
        init => utcTicks = value.UtcTicks;
    }

    public required string Type { get; init; }

    /// <summary>State name for state events; the Map state's name for Map iteration events.</summary>
    public string? Name { get; init; }

    /// <summary>The input payload as a node, turned into text only when someone reads <see cref="Input"/>.</summary>
    internal JsonNode? InputNode
    {
        init => input = value ?? NullNode;
    }

    internal JsonNode? OutputNode
    {
        init => output = value ?? NullNode;
    }

    internal JsonNode? ParametersNode
    {
        init => Extra.Parameters = value ?? NullNode;
    }

    public string? Input
    {
        get => Render(ref input);
        init => input = value;
    }

    public string? Output
    {
        get => Render(ref output);
        init => output = value;
    }

    public string? Error
    {
        get => details?.Error;
        init => Extra.Error = value;
    }

    public string? Cause
    {
        get => details?.Cause;
        init => Extra.Cause = value;
    }

    public int? Index { get; init; }

    public int? Length
    {
        get => details?.Length;
        init => Extra.Length = value;
    }

    public string? Resource
    {
        get => details?.Resource;
        init => Extra.Resource = value;
    }

    public string? ResourceType
    {
        get => details?.ResourceType;
        init => Extra.ResourceType = value;
    }

    public string? Parameters
    {
        get => details is null ? null : Render(ref details.Parameters);
        init => Extra.Parameters = value;
    }

    public string? Region
    {
        get => details?.Region;
        init => Extra.Region = value;
    }

    public long? TimeoutInSeconds
    {
        get => details?.TimeoutInSeconds;
        init => Extra.TimeoutInSeconds = value;
    }

    public long? HeartbeatInSeconds
    {
        get => details?.HeartbeatInSeconds;
        init => Extra.HeartbeatInSeconds = value;
    }

    public string? RoleArn
    {
        get => details?.RoleArn;
        init => Extra.RoleArn = value;
    }

    /// <summary>Variables assigned on state exit: name → JSON text of the value.</summary>
    public IReadOnlyDictionary<string, string>? AssignedVariables
    {
        get => details?.AssignedVariables;
        init => Extra.AssignedVariables = value;
    }

    private Details Extra => details ??= new Details();

    /// <summary>
    /// True for an event whose content is type, name, index and at most one payload (nearly all state and
    /// iteration events), which <see cref="HistoryLog"/> can keep inline without the object.
    /// </summary>
    internal bool IsCompact => details is null && (input is null || output is null);

    internal object? PayloadSlot => input ?? output;

    internal bool PayloadIsOutput => output is not null;

    /// <summary>Rebuilds an event that <see cref="HistoryLog"/> kept inline.</summary>
    internal static HistoryEvent Rebuild(string type, string? name, int? index, long eventId, long previous, long ticks, object? payload, bool payloadIsOutput)
    {
        var rebuilt = new HistoryEvent { Type = type, Name = name, Index = index };
        rebuilt.id = eventId;
        rebuilt.previousEventId = previous;
        rebuilt.utcTicks = ticks;
        if (payloadIsOutput)
        {
            rebuilt.output = payload;
        }
        else
        {
            rebuilt.input = payload;
        }

        return rebuilt;
    }

    internal long UtcTicks => utcTicks;

    /// <summary>The payload slot value for a node (the JSON null node is kept apart from "no payload").</summary>
    internal static object NodeSlot(JsonNode? node) => node ?? NullNode;

    /// <summary>Gives a freshly built event its place in the history (done once, by the recorder, before publishing it).</summary>
    internal void Stamp(long eventId, long previous, DateTimeOffset at)
    {
        id = eventId;
        previousEventId = previous;
        utcTicks = at.UtcTicks;
    }

    /// <summary>
    /// Text of a payload slot; a node is rendered once and replaced by its text. Concurrent readers may both render
    /// it, which is harmless: they store equal strings.
    /// </summary>
    private static string? Render(ref object? slot)
    {
        var value = Volatile.Read(ref slot);
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text;
            default:
                var rendered = ReferenceEquals(value, NullNode) ? "null" : JsonText.Of((JsonNode)value);
                Volatile.Write(ref slot, rendered);
                return rendered;
        }
    }

    private sealed class Details
    {
        public object? Parameters;
        public string? Error;
        public string? Cause;
        public int? Length;
        public string? Resource;
        public string? ResourceType;
        public string? Region;
        public long? TimeoutInSeconds;
        public long? HeartbeatInSeconds;
        public string? RoleArn;
        public IReadOnlyDictionary<string, string>? AssignedVariables;
    }
}
