namespace Workflow.Domain;

/// <summary>Lifecycle of a job. Wire names (upper snake case) are what the API, events and the table use.</summary>
public enum JobStatus
{
    Accepted,
    Running,
    AwaitingApproval,
    Succeeded,
    Failed,
    Rejected,
    Cancelled,
}
