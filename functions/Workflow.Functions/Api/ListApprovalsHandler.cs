using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Api;

/// <summary>GET /approvals: jobs awaiting approval, oldest first, for approvers only.</summary>
public sealed class ListApprovalsHandler
{
    private readonly FunctionDependencies dependencies;

    public ListApprovalsHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public ListApprovalsHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => ApiPipeline.RunAsync(input, nameof(ListApprovalsHandler), dependencies, ListAsync);

    private async Task<HttpApiResponse> ListAsync(ApiCall call)
    {
        if (!call.Caller.IsInGroup(dependencies.Settings.ApproverGroup))
        {
            return Forbidden.NotApprover(dependencies.Settings.ApproverGroup);
        }

        var limit = PageLimits.From(call.Request);
        var page = await new JobQueries(dependencies.Jobs).ListAwaitingApprovalAsync(limit, call.Request.Query("nextToken"), CancellationToken.None);
        return Responses.Json(200, JobViews.Page(page, dependencies.Settings.ApprovalTimeout));
    }
}
