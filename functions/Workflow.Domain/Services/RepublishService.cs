namespace Workflow.Domain;

/// <summary>
/// Re-sends JobSubmitted for jobs still ACCEPTED after <c>staleAfter</c> (the publish after the write was lost).
/// A duplicate event is harmless: the state machine's conditional claim lets only one execution run the job.
/// </summary>
public sealed class RepublishService(IJobStore store, IEventPublisher events, TimeProvider time, TimeSpan staleAfter, int batchLimit = 100)
{
    private const int EventsPerPut = 10;

    public async Task<IReadOnlyList<string>> RepublishAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = await store.ListJobsByStatusUpdatedBeforeAsync(JobStatus.Accepted, now - staleAfter, batchLimit, cancellationToken);
        var republished = new List<string>();
        foreach (var chunk in stale.Chunk(EventsPerPut))
        {
            await events.PublishAsync(chunk.Select(JobEvents.Submitted).ToList(), cancellationToken);
            foreach (var job in chunk)
            {
                if (await store.TryTouchAcceptedAsync(job.Id, now, cancellationToken))
                {
                    republished.Add(job.Id);
                }
            }
        }

        return republished;
    }
}
