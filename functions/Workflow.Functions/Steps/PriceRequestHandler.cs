using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>Line totals, tax and currency rounding.</summary>
public sealed class PriceRequestHandler
{
    private readonly FunctionDependencies dependencies;

    public PriceRequestHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public PriceRequestHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(PriceRequestHandler),
        dependencies,
        FunctionsJsonContext.Default.StepPayload,
        FunctionsJsonContext.Default.PriceQuote,
        RunAsync,
        p => (p.JobId, p.ExecutionId));

    private async Task<PriceQuote> RunAsync(StepPayload payload)
    {
        var jobId = StepPipeline.RequireJobId(payload.JobId);
        var steps = dependencies.Steps();
        var input = await steps.ResolveInputAsync(jobId, payload.Input, CancellationToken.None);
        return steps.Price(input);
    }
}
