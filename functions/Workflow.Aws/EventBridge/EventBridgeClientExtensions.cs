namespace Workflow.Aws;

public static class EventBridgeClientExtensions
{
    /// <summary>Publishes the events and throws when EventBridge rejected any of them.</summary>
    /// <exception cref="PutEventsFailedException">At least one entry was rejected.</exception>
    public static async Task<PutEventsResult> PutEventsOrThrowAsync(
        this IEventBridgeClient client,
        IReadOnlyList<EventEntry> entries,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var result = await client.PutEventsAsync(entries, ct).ConfigureAwait(false);
        return result.FailedEntryCount == 0 ? result : throw new PutEventsFailedException(result);
    }

    /// <summary>Publishes one event and returns its id, throwing when EventBridge rejected it.</summary>
    public static async Task<string> PutEventOrThrowAsync(this IEventBridgeClient client, EventEntry entry, CancellationToken ct = default)
    {
        var result = await client.PutEventsOrThrowAsync([entry], ct).ConfigureAwait(false);
        return result.Entries[0].EventId ?? throw new AwsProtocolException("PutEvents accepted the event but returned no EventId.");
    }
}
