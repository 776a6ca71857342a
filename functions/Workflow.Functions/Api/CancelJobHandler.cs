using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Api;

/// <summary>POST /jobs/{id}/cancel: 200 with the CANCELLED job (also when it already was), 409 when it finished.</summary>
public sealed class CancelJobHandler
{
    private readonly FunctionDependencies dependencies;

    public CancelJobHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public CancelJobHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => ApiPipeline.RunAsync(input, nameof(CancelJobHandler), dependencies, CancelAsync);

    private async Task<HttpApiResponse> CancelAsync(ApiCall call)
    {
        var service = new CancellationService(dependencies.Jobs, dependencies.Workflow, dependencies.Time);
        var result = await service.CancelAsync(call.Caller.Id, call.JobIdFromPath(), CancellationToken.None);
        return result.Kind switch
        {
            CancelResultKind.Cancelled or CancelResultKind.AlreadyCancelled => Responses.Json(200, JobViews.Full(result.Job!)),
            CancelResultKind.Finished => Responses.Problem(409, "Job already finished",
                $"Job {result.Job!.Id} is {result.Job.Status.ToWire()} and can no longer be cancelled."),
            _ => NotFound.Job(call.JobId),
        };
    }
}
