namespace Workflow.Aws;

/// <summary>Answer of PutEvents: one entry per request entry, in the same order.</summary>
public sealed record PutEventsResult(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);

/// <summary>Either <see cref="EventId"/> (accepted) or <see cref="ErrorCode"/>/<see cref="ErrorMessage"/> (rejected).</summary>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => ErrorCode is null && EventId is not null;
}

internal sealed record PutEventsRequest(IReadOnlyList<EventEntry> Entries);
