using System.Text.Json;
using Workflow.Domain;
using Workflow.Functions.Infrastructure;
using Workflow.Functions.Json;

namespace Workflow.Functions.Steps;

/// <summary>
/// Invoked with <c>.waitForTaskToken</c>: stores the token server-side, marks the job AWAITING_APPROVAL and publishes
/// ApprovalRequested. The state machine resumes when DecideApproval sends the task result.
/// </summary>
public sealed class RequestApprovalHandler
{
    private readonly FunctionDependencies dependencies;

    public RequestApprovalHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public RequestApprovalHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => StepPipeline.RunAsync(
        input,
        nameof(RequestApprovalHandler),
        dependencies,
        FunctionsJsonContext.Default.ApprovalRequestPayload,
        FunctionsJsonContext.Default.JsonElement,
        RequestAsync,
        p => (p.JobId, p.ExecutionId));

    private async Task<JsonElement> RequestAsync(ApprovalRequestPayload payload)
    {
        var jobId = StepPipeline.RequireJobId(payload.JobId);
        var decision = payload.Decision is { ValueKind: JsonValueKind.Object } d ? d.GetRawText() : null;
        var service = new ApprovalRequestService(dependencies.Jobs, dependencies.Events, dependencies.Time, dependencies.Settings.TaskTokenRetention);
        TimeSpan? timeout = payload.ApprovalTimeoutSeconds is { } seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
        await service.RequestAsync(jobId, payload.TaskToken ?? "", decision, timeout, CancellationToken.None);
        dependencies.Metrics.Count(BusinessMetrics.ApprovalsRequested, nameof(RequestApprovalHandler), jobId);
        using var document = JsonDocument.Parse($$"""{"jobId":"{{jobId}}","status":"AWAITING_APPROVAL"}""");
        return document.RootElement.Clone();
    }
}
