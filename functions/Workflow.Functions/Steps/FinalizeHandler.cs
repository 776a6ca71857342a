using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>Issues the purchase-order number (deterministic per job) and commits the spend to the budget once.</summary>
public sealed class FinalizeHandler
{
    private readonly FunctionDependencies dependencies;

    public FinalizeHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public FinalizeHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(FinalizeHandler),
        dependencies,
        FunctionsJsonContext.Default.FinalizePayload,
        FunctionsJsonContext.Default.FinalizeResult,
        FinalizeAsync,
        p => (p.JobId, p.ExecutionId));

    private async Task<FinalizeResult> FinalizeAsync(FinalizePayload payload)
    {
        var jobId = StepPipeline.RequireJobId(payload.JobId);
        var number = await dependencies.Steps().FinalizeAsync(jobId, CancellationToken.None);
        return new FinalizeResult(number);
    }
}
