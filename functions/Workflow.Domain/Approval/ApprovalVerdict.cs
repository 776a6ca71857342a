namespace Workflow.Domain;

public enum ApprovalVerdict
{
    Allowed,
    NotApprover,
    OwnRequest,
    NotAwaitingApproval,
}
