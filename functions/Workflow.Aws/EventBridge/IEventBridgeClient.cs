namespace Workflow.Aws;

/// <summary>The EventBridge calls this application makes.</summary>
public interface IEventBridgeClient
{
    /// <summary>
    /// Publishes 1 to 10 events. A call can partly fail: check <see cref="PutEventsResult.FailedEntryCount"/> and the
    /// per-entry error codes (or use <see cref="EventBridgeClientExtensions.PutEventsOrThrowAsync"/>).
    /// </summary>
    Task<PutEventsResult> PutEventsAsync(IReadOnlyList<EventEntry> entries, CancellationToken ct = default);
}
