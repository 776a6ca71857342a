using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.History;

namespace Workflow.Local.StepFunctions;

/// <summary>
/// Logs one structured line per history event (state transitions, task events) with the execution ARN, the state,
/// the event type and the job id when the execution input carries one (<c>jobId</c> or <c>detail.jobId</c>).
/// </summary>
internal sealed partial class ExecutionTransitionLog(
    ILogger logger, Func<string, string?> inputOf, Func<string, IReadOnlyList<HistoryEvent>?> historyOf) : IExecutionObserver
{
    private readonly ConcurrentDictionary<string, string> jobIds = new(StringComparer.Ordinal);
    private readonly ExecutionStateNames stateNames = new(historyOf);

    public void OnEvent(in ExecutionEventNotice notice)
    {
        var jobId = notice.EventType == "ExecutionStarted" || !jobIds.TryGetValue(notice.ExecutionArn, out var known)
            ? jobIds.GetOrAdd(notice.ExecutionArn, arn => JobIdOf(SafeInput(arn)))
            : known;
        LogTransition(logger, notice.ExecutionArn, stateNames.Resolve(notice), notice.EventType, notice.EventId, jobId);
        if (notice.EventType is "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted")
        {
            jobIds.TryRemove(notice.ExecutionArn, out _);
            stateNames.Forget(notice.ExecutionArn);
        }
    }

    private string? SafeInput(string executionArn)
    {
        try
        {
            return inputOf(executionArn);
        }
        catch (StepFunctionsApiException)
        {
            // The execution is being registered while its first event is recorded; it has no job id to show yet.
            return null;
        }
    }

    internal static string JobIdOf(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(input);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "";
            }

            if (root.TryGetProperty("jobId", out var jobId) && jobId.ValueKind == JsonValueKind.String)
            {
                return jobId.GetString() ?? "";
            }

            return root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object
                && detail.TryGetProperty("jobId", out var nested) && nested.ValueKind == JsonValueKind.String
                ? nested.GetString() ?? ""
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "stepfunctions transition executionArn={ExecutionArn} state={State} event={EventType} eventId={EventId} jobId={JobId}")]
    private static partial void LogTransition(ILogger logger, string executionArn, string state, string eventType, long eventId, string jobId);
}
