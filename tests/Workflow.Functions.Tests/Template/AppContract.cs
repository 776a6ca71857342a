namespace Workflow.Functions.Tests.Template;

/// <summary>Names fixed by APP.md (the application contract shared by the helpers).</summary>
public static class AppContract
{
    public static readonly IReadOnlyDictionary<string, string> Handlers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SubmitJobFunction"] = "Workflow.Functions::Workflow.Functions.Api.SubmitJobHandler::HandleAsync",
        ["GetJobFunction"] = "Workflow.Functions::Workflow.Functions.Api.GetJobHandler::HandleAsync",
        ["ListJobsFunction"] = "Workflow.Functions::Workflow.Functions.Api.ListJobsHandler::HandleAsync",
        ["CancelJobFunction"] = "Workflow.Functions::Workflow.Functions.Api.CancelJobHandler::HandleAsync",
        ["ListApprovalsFunction"] = "Workflow.Functions::Workflow.Functions.Api.ListApprovalsHandler::HandleAsync",
        ["DecideApprovalFunction"] = "Workflow.Functions::Workflow.Functions.Api.DecideApprovalHandler::HandleAsync",
        ["ValidateRequestFunction"] = "Workflow.Functions::Workflow.Functions.Steps.ValidateRequestHandler::HandleAsync",
        ["PriceRequestFunction"] = "Workflow.Functions::Workflow.Functions.Steps.PriceRequestHandler::HandleAsync",
        ["CheckBudgetFunction"] = "Workflow.Functions::Workflow.Functions.Steps.CheckBudgetHandler::HandleAsync",
        ["CheckPolicyFunction"] = "Workflow.Functions::Workflow.Functions.Steps.CheckPolicyHandler::HandleAsync",
        ["MergeDecisionFunction"] = "Workflow.Functions::Workflow.Functions.Steps.MergeDecisionHandler::HandleAsync",
        ["RequestApprovalFunction"] = "Workflow.Functions::Workflow.Functions.Steps.RequestApprovalHandler::HandleAsync",
        ["FinalizeFunction"] = "Workflow.Functions::Workflow.Functions.Steps.FinalizeHandler::HandleAsync",
        ["RepublishAcceptedFunction"] = "Workflow.Functions::Workflow.Functions.Maintenance.RepublishAcceptedHandler::HandleAsync",
        ["ConsoleFunction"] = "Workflow.Functions::Workflow.Functions.WebConsole.ConsoleHandler::HandleAsync",
    };

    public static readonly IReadOnlySet<string> JobStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "ACCEPTED", "RUNNING", "AWAITING_APPROVAL", "SUCCEEDED", "FAILED", "REJECTED", "CANCELLED",
    };

    public static readonly IReadOnlySet<string> EventDetailTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "JobSubmitted", "ApprovalRequested", "JobCompleted", "JobFailed",
    };

    public const string EventSource = "workflow.jobs";
}
