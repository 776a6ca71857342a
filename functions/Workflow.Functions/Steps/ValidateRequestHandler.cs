using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>Validate the request against the business rules; an invalid request is a result, not an error.</summary>
public sealed class ValidateRequestHandler
{
    private readonly FunctionDependencies dependencies;

    public ValidateRequestHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public ValidateRequestHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(ValidateRequestHandler),
        dependencies,
        FunctionsJsonContext.Default.StepPayload,
        FunctionsJsonContext.Default.ValidationReport,
        RunAsync,
        p => (p.JobId, p.ExecutionId));

    private async Task<ValidationReport> RunAsync(StepPayload payload)
    {
        var jobId = StepPipeline.RequireJobId(payload.JobId);
        var steps = dependencies.Steps();
        var input = await steps.ResolveInputAsync(jobId, payload.Input, CancellationToken.None);
        return steps.Validate(input);
    }
}
