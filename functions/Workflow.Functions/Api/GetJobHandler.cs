using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Api;

/// <summary>GET /jobs/{id}: the caller's own job, or 404 (also for another client's job).</summary>
public sealed class GetJobHandler
{
    private readonly FunctionDependencies dependencies;

    public GetJobHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public GetJobHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => ApiPipeline.RunAsync(input, nameof(GetJobHandler), dependencies, GetAsync);

    private async Task<HttpApiResponse> GetAsync(ApiCall call)
    {
        var job = await new JobQueries(dependencies.Jobs).GetForClientAsync(call.Caller.Id, call.JobIdFromPath(), CancellationToken.None);
        return job is null ? NotFound.Job(call.JobId) : Responses.Json(200, JobViews.Full(job));
    }
}
