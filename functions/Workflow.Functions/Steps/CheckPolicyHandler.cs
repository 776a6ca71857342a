using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>Blocked vendors and split purchases from the requester's recent history.</summary>
public sealed class CheckPolicyHandler
{
    private readonly FunctionDependencies dependencies;

    public CheckPolicyHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public CheckPolicyHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(CheckPolicyHandler),
        dependencies,
        FunctionsJsonContext.Default.StepPayload,
        FunctionsJsonContext.Default.PolicyResult,
        RunAsync,
        p => (p.JobId, p.ExecutionId));

    private async Task<PolicyResult> RunAsync(StepPayload payload)
    {
        var jobId = StepPipeline.RequireJobId(payload.JobId);
        var steps = dependencies.Steps();
        var input = await steps.ResolveInputAsync(jobId, payload.Input, CancellationToken.None);
        return await steps.CheckPolicyAsync(jobId, payload.ClientId, input, CancellationToken.None);
    }
}
