using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>Merges the four checks into one decision: auto-reject, needs approval, or proceed.</summary>
public sealed class MergeDecisionHandler
{
    private readonly FunctionDependencies dependencies;

    public MergeDecisionHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public MergeDecisionHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(MergeDecisionHandler),
        dependencies,
        FunctionsJsonContext.Default.MergePayload,
        FunctionsJsonContext.Default.Decision,
        Merge,
        p => (p.JobId, p.ExecutionId));

    private Task<Decision> Merge(MergePayload payload)
    {
        var jobId = StepPipeline.RequireJobId(payload.JobId);
        var results = payload.Results ?? throw new BusinessRuleException("MergeDecision needs 'results' (the Parallel output array).");
        var inputs = StepResultReader.Read(results);
        var decision = new DecisionMerger(payload.ApprovalThreshold ?? dependencies.Settings.ApprovalThreshold).Merge(inputs);
        if (decision.AutoReject)
        {
            dependencies.Metrics.Count(BusinessMetrics.JobsRejected, nameof(MergeDecisionHandler), jobId, "auto-rejected");
        }

        return Task.FromResult(decision);
    }
}
