using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>The cost centre's remaining budget against the order total.</summary>
public sealed class CheckBudgetHandler
{
    private readonly FunctionDependencies dependencies;

    public CheckBudgetHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public CheckBudgetHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(CheckBudgetHandler),
        dependencies,
        FunctionsJsonContext.Default.StepPayload,
        FunctionsJsonContext.Default.BudgetCheckResult,
        RunAsync,
        p => (p.JobId, p.ExecutionId));

    private async Task<BudgetCheckResult> RunAsync(StepPayload payload)
    {
        var jobId = StepPipeline.RequireJobId(payload.JobId);
        var steps = dependencies.Steps();
        var input = await steps.ResolveInputAsync(jobId, payload.Input, CancellationToken.None);
        return await steps.CheckBudgetAsync(input, CancellationToken.None);
    }
}
