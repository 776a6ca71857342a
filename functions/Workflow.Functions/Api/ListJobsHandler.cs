using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Api;

/// <summary>GET /jobs?limit=&amp;nextToken=: the caller's jobs, newest first.</summary>
public sealed class ListJobsHandler
{
    private readonly FunctionDependencies dependencies;

    public ListJobsHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public ListJobsHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => ApiPipeline.RunAsync(input, nameof(ListJobsHandler), dependencies, ListAsync);

    private async Task<HttpApiResponse> ListAsync(ApiCall call)
    {
        var limit = PageLimits.From(call.Request);
        var page = await new JobQueries(dependencies.Jobs).ListForClientAsync(call.Caller.Id, limit, call.Request.Query("nextToken"), CancellationToken.None);
        return Responses.Json(200, JobViews.Page(page));
    }
}
