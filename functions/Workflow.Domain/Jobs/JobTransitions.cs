namespace Workflow.Domain;

/// <summary>The allowed status changes. Everything not listed is refused, terminal states never change.</summary>
public static class JobTransitions
{
    private static readonly Dictionary<JobStatus, JobStatus[]> Allowed = new()
    {
        [JobStatus.Accepted] = [JobStatus.Running, JobStatus.Cancelled, JobStatus.Failed],
        [JobStatus.Running] = [JobStatus.AwaitingApproval, JobStatus.Succeeded, JobStatus.Failed, JobStatus.Rejected, JobStatus.Cancelled],
        [JobStatus.AwaitingApproval] = [JobStatus.Running, JobStatus.Rejected, JobStatus.Failed, JobStatus.Cancelled],
        [JobStatus.Succeeded] = [],
        [JobStatus.Failed] = [],
        [JobStatus.Rejected] = [],
        [JobStatus.Cancelled] = [],
    };

    public static bool CanTransition(JobStatus from, JobStatus to) => Allowed[from].Contains(to);

    public static bool IsTerminal(this JobStatus status) => Allowed[status].Length == 0;

    public static void EnsureAllowed(JobStatus from, JobStatus to)
    {
        if (!CanTransition(from, to))
        {
            throw new BusinessRuleException($"A job cannot move from {from.ToWire()} to {to.ToWire()}.");
        }
    }
}
