using System.Text.Json;

namespace Workflow.Domain;

/// <summary>
/// Accepts a job: validate, honour the idempotency key, store ACCEPTED, publish JobSubmitted. A failed publish does
/// not fail the request: the job is stored, and the republisher sends the event later.
/// </summary>
public sealed class JobSubmissionService(
    IJobStore store,
    IEventPublisher events,
    TimeProvider time,
    IReadOnlyCollection<string> supportedTypes,
    Func<string>? newJobId = null)
{
    public static readonly TimeSpan IdempotencyRetention = TimeSpan.FromHours(24);

    private readonly Func<string> newJobId = newJobId ?? JobIds.New;

    /// <param name="requesterEmail">The caller's e-mail from their token (never from the body): requester notifications go there.</param>
    public async Task<SubmitResult> SubmitAsync(string clientId, string type, JsonElement input, string? idempotencyKey, string bodyHash,
        CancellationToken cancellationToken, string? requesterEmail = null)
    {
        if (!supportedTypes.Contains(type, StringComparer.Ordinal))
        {
            return SubmitResult.Of(SubmitOutcome.UnsupportedType);
        }

        var parsed = PurchaseRequestParser.Parse(input);
        if (!parsed.IsValid)
        {
            return new SubmitResult(SubmitOutcome.Invalid, null, parsed.Errors);
        }

        var now = time.GetUtcNow();
        var jobId = newJobId();
        if (idempotencyKey is not null)
        {
            var existing = await store.ClaimIdempotencyKeyAsync(
                new IdempotencyRecord(clientId, idempotencyKey, bodyHash, jobId, now, now + IdempotencyRetention), cancellationToken);
            if (existing is not null)
            {
                if (!string.Equals(existing.BodyHash, bodyHash, StringComparison.Ordinal))
                {
                    return SubmitResult.Of(SubmitOutcome.KeyConflict);
                }

                var earlier = await store.GetJobAsync(existing.JobId, cancellationToken);
                if (earlier is not null)
                {
                    return SubmitResult.Of(SubmitOutcome.Replayed, earlier);
                }

                // The earlier attempt stopped between claiming the key and storing the job: finish it under the same id.
                jobId = existing.JobId;
            }
        }

        var job = new JobRecord
        {
            Id = jobId,
            Type = type,
            ClientId = clientId,
            Status = JobStatus.Accepted,
            InputJson = input.GetRawText(),
            CreatedAt = now,
            UpdatedAt = now,
            IdempotencyKey = idempotencyKey,
            RequesterEmail = string.IsNullOrWhiteSpace(requesterEmail) ? null : requesterEmail.Trim(),
        };
        if (!await store.CreateJobAsync(job, cancellationToken))
        {
            var stored = await store.GetJobAsync(jobId, cancellationToken);
            return SubmitResult.Of(SubmitOutcome.Replayed, stored ?? job);
        }

        try
        {
            await events.PublishAsync([JobEvents.Submitted(job)], cancellationToken);
            return SubmitResult.Of(SubmitOutcome.Created, job);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return SubmitResult.Of(SubmitOutcome.Created, job, publishDeferred: true);
        }
    }
}
