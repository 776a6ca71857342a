using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Api;

/// <summary>
/// GET /jobs/{id}: the caller's own job, or 404 (also for another client's job). Approvers may read any job: they
/// decide on requests of others and need to see them whole.
/// </summary>
public sealed class GetJobHandler
{
    private readonly FunctionDependencies dependencies;

    public GetJobHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public GetJobHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => ApiPipeline.RunAsync(input, nameof(GetJobHandler), dependencies, GetAsync);

    private async Task<HttpApiResponse> GetAsync(ApiCall call)
    {
        var queries = new JobQueries(dependencies.Jobs);
        var job = call.Caller.IsInGroup(dependencies.Settings.ApproverGroup)
            ? await queries.GetAnyAsync(call.JobIdFromPath(), CancellationToken.None)
            : await queries.GetForClientAsync(call.Caller.Id, call.JobIdFromPath(), CancellationToken.None);
        return job is null ? NotFound.Job(call.JobId) : Responses.Json(200, JobViews.Full(job, dependencies.Settings.ApprovalTimeout));
    }
}
