using System.Text.Json;
using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;
using Workflow.Functions.Steps;

namespace Workflow.Functions.Maintenance;

/// <summary>Scheduled: re-publishes JobSubmitted for jobs left ACCEPTED longer than STALE_AFTER_SECONDS.</summary>
public sealed class RepublishAcceptedHandler
{
    private readonly FunctionDependencies dependencies;

    public RepublishAcceptedHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public RepublishAcceptedHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(RepublishAcceptedHandler),
        dependencies,
        FunctionsJsonContext.Default.JsonElement,
        FunctionsJsonContext.Default.RepublishResult,
        RepublishAsync,
        e => (null, e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) ? id.ToString() : null));

    private async Task<RepublishResult> RepublishAsync(JsonElement scheduledEvent)
    {
        var service = new RepublishService(dependencies.Jobs, dependencies.Events, dependencies.Time, dependencies.Settings.StaleAfter);
        var ids = await service.RepublishAsync(CancellationToken.None);
        return new RepublishResult(ids.Count, ids);
    }
}
