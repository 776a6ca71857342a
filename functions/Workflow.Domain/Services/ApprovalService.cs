using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Domain;

/// <summary>
/// A human decision. The conditional write of the approval settles concurrent decisions (exactly one wins); only the
/// winner sends the task result, and a result the workflow cannot take is undone so the job stays consistent. The
/// delivered decision is announced (ApprovalDecided) so the requester hears of it.
/// </summary>
public sealed class ApprovalService(IJobStore store, IWorkflowControl workflow, ApprovalRules rules, TimeProvider time, IEventPublisher events)
{
    public async Task<ApprovalResult> DecideAsync(Caller caller, string jobId, string decision, string? comment, CancellationToken cancellationToken)
    {
        if (!caller.IsInGroup(rules.ApproverGroup))
        {
            return new ApprovalResult(ApprovalResultKind.NotApprover);
        }

        var job = JobIds.IsWellFormed(jobId) ? await store.GetJobAsync(jobId, cancellationToken) : null;
        if (job is null)
        {
            return new ApprovalResult(ApprovalResultKind.NotFound);
        }

        switch (rules.Evaluate(caller, job, RequesterOf(job)))
        {
            case ApprovalVerdict.NotApprover:
                return new ApprovalResult(ApprovalResultKind.NotApprover, job);
            case ApprovalVerdict.OwnRequest:
                return new ApprovalResult(ApprovalResultKind.OwnRequest, job);
            case ApprovalVerdict.NotAwaitingApproval:
                return new ApprovalResult(ApprovalResultKind.NotAwaitingApproval, job);
        }

        var now = time.GetUtcNow();
        var approval = new ApprovalRecord(ApprovalRules.OutcomeFor(decision), caller.Id, now, comment);
        var newStatus = approval.Outcome == ApprovalRecord.Approved ? JobStatus.Running : JobStatus.Rejected;
        if (!await store.TryRecordApprovalAsync(job.Id, approval, newStatus, now, cancellationToken))
        {
            var current = await store.GetJobAsync(job.Id, cancellationToken);
            return new ApprovalResult(ApprovalResultKind.NotAwaitingApproval, current ?? job);
        }

        try
        {
            // The token read belongs inside: if it fails, the recorded approval must be undone like a failed send,
            // or the job would leave AWAITING_APPROVAL while the workflow still waits for a result.
            var token = await store.GetTaskTokenAsync(job.Id, cancellationToken)
                ?? throw new WorkflowTaskGoneException($"Job {job.Id} has no stored task token.");
            await workflow.SendTaskSuccessAsync(token, TaskOutput(approval), cancellationToken);
        }
        catch (WorkflowTaskGoneException)
        {
            await store.TryRevertApprovalAsync(job.Id, approval, time.GetUtcNow(), CancellationToken.None);
            return new ApprovalResult(ApprovalResultKind.WindowClosed, job);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await store.TryRevertApprovalAsync(job.Id, approval, time.GetUtcNow(), CancellationToken.None);
            throw;
        }

        try
        {
            await store.DeleteTaskTokenAsync(job.Id, CancellationToken.None);
        }
        catch (TransientDependencyException)
        {
            // The workflow already has the decision, so answering 503 would send the caller into a retry that can only
            // get 409. The token is useless once the job left AWAITING_APPROVAL, and its TTL removes it.
        }

        try
        {
            await events.PublishAsync([JobEvents.ApprovalDecided(job, approval)], cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The decision stands whatever happens to its announcement: the requester still hears the final outcome
            // (JobCompleted/JobFailed), and failing here would send the approver into a retry that can only get 409.
        }

        var decided = await store.GetJobAsync(job.Id, cancellationToken);
        return new ApprovalResult(ApprovalResultKind.Decided, decided ?? job with { Status = newStatus, Approval = approval }, approval)
        {
            AwaitingSince = job.UpdatedAt,
        };
    }

    /// <summary>The task result the state machine branches on.</summary>
    public static string TaskOutput(ApprovalRecord approval) => new JsonObject
    {
        ["outcome"] = approval.Outcome,
        ["by"] = approval.By,
        ["at"] = Timestamps.ToWire(approval.At),
        ["comment"] = approval.Comment,
    }.ToJsonString();

    private static string? RequesterOf(JobRecord job)
    {
        try
        {
            return JsonNode.Parse(job.InputJson)?["requester"] is JsonValue value && value.TryGetValue<string>(out var requester) ? requester : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
