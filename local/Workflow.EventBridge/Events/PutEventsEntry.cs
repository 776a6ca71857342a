namespace Workflow.EventBridge;

/// <summary>One entry of a PutEvents request, as the AWS API receives it.</summary>
public sealed record PutEventsEntry
{
    public string? Source { get; init; }

    public string? DetailType { get; init; }

    /// <summary>The event detail as JSON text; must be a JSON object.</summary>
    public string? Detail { get; init; }

    /// <summary>Bus name or ARN; "default" when absent.</summary>
    public string? EventBusName { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? TraceHeader { get; init; }
}

/// <summary>Per-entry outcome: an EventId on success, otherwise an error code and message.</summary>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage)
{
    public bool IsSuccess => EventId is not null;

    public static PutEventsResultEntry Success(string eventId) => new(eventId, null, null);

    public static PutEventsResultEntry Failure(string errorCode, string errorMessage) => new(null, errorCode, errorMessage);
}

public sealed record PutEventsResult(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);
