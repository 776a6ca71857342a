using Workflow.Aws;
using Workflow.Domain;

namespace Workflow.Functions.Infrastructure;

/// <summary>Publishes job events to the application's bus, source <c>workflow.jobs</c>, ten per call.</summary>
public sealed class EventBridgePublisher(IEventBridgeClient client, string eventBusName, TimeProvider time) : IEventPublisher
{
    public const string Source = "workflow.jobs";

    public async Task PublishAsync(IReadOnlyList<JobEvent> events, CancellationToken cancellationToken)
    {
        foreach (var chunk in events.Chunk(EventBridgeClient.MaxEntriesPerCall))
        {
            var entries = chunk
                .Select(e => new EventEntry(Source, e.DetailType, e.DetailJson) { EventBusName = eventBusName, Time = time.GetUtcNow() })
                .ToList();
            try
            {
                await client.PutEventsOrThrowAsync(entries, cancellationToken);
            }
            catch (PutEventsFailedException ex)
            {
                throw new TransientDependencyException(ex.Message, ex);
            }
            catch (AwsServiceException ex) when (ex.IsRetryable)
            {
                throw new TransientDependencyException($"EventBridge is unavailable: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
            {
                throw new TransientDependencyException($"EventBridge is unreachable: {ex.Message}", ex);
            }
        }
    }
}
