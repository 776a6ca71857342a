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
        var order = await dependencies.Steps().FinalizeAsync(jobId, CancellationToken.None);
        dependencies.Metrics.Emit(nameof(FinalizeHandler), jobId, null,
            (BusinessMetrics.JobsSucceeded, 1),
            (BusinessMetrics.EndToEndDuration, Math.Round(Math.Max(0, (dependencies.Time.GetUtcNow() - order.SubmittedAt).TotalMilliseconds))));
        return new FinalizeResult(order.PurchaseOrderNumber);
    }
}
