namespace Workflow.Domain;

/// <summary>Who may decide on a job, and when. The race between two allowed deciders is settled by the store.</summary>
public sealed class ApprovalRules(string approverGroup)
{
    public string ApproverGroup { get; } = approverGroup;

    public ApprovalVerdict Evaluate(Caller caller, JobRecord job, string? requester)
    {
        if (!caller.IsInGroup(ApproverGroup))
        {
            return ApprovalVerdict.NotApprover;
        }

        if (string.Equals(caller.Id, job.ClientId, StringComparison.Ordinal) || (requester is not null && caller.IsNamed(requester)))
        {
            return ApprovalVerdict.OwnRequest;
        }

        return job.Status == JobStatus.AwaitingApproval ? ApprovalVerdict.Allowed : ApprovalVerdict.NotAwaitingApproval;
    }

    public static string OutcomeFor(string decision) => decision switch
    {
        "APPROVE" => ApprovalRecord.Approved,
        "REJECT" => ApprovalRecord.Rejected,
        _ => throw new ArgumentException($"'{decision}' is not APPROVE or REJECT.", nameof(decision)),
    };
}
