using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workflow.Domain;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Steps;

/// <summary>
/// The common path of the state-machine steps: read the payload, run, serialise the result, and log one line. Errors
/// propagate so the runtime reports their short type name (BusinessRuleException, TransientDependencyException) as
/// the errorType the state machine's Retry/Catch match.
/// </summary>
public static class StepPipeline
{
    public static async Task<Stream> RunAsync<TPayload, TResult>(
        Stream input,
        string function,
        FunctionDependencies dependencies,
        JsonTypeInfo<TPayload> payloadType,
        JsonTypeInfo<TResult> resultType,
        Func<TPayload, Task<TResult>> run,
        Func<TPayload, (string? JobId, string? ExecutionId)> ids)
    {
        var started = Stopwatch.GetTimestamp();
        TPayload? payload = default;
        try
        {
            try
            {
                payload = await JsonSerializer.DeserializeAsync(input, payloadType);
            }
            catch (JsonException ex)
            {
                throw new BusinessRuleException($"The {function} payload is not valid: {ex.Message}", ex);
            }

            if (payload is null)
            {
                throw new BusinessRuleException($"The {function} payload is empty.");
            }

            var result = await run(payload);
            Log(dependencies, "INFO", function, "step completed", payload, ids, started);
            var output = new MemoryStream();
            await JsonSerializer.SerializeAsync(output, result, resultType);
            output.Position = 0;
            return output;
        }
        catch (Exception ex)
        {
            Log(dependencies, ex is BusinessRuleException ? "WARN" : "ERROR", function, $"step failed: {ex.GetType().Name}: {ex.Message}", payload, ids, started);
            if (ex is not BusinessRuleException)
            {
                // Business rejections are results; anything else is an error the state machine retries or records.
                dependencies.Metrics.Count(BusinessMetrics.StepErrors, function, payload is null ? null : ids(payload).JobId, ex.GetType().Name);
            }

            throw;
        }
    }

    public static string RequireJobId(string? jobId) =>
        JobIds.IsWellFormed(jobId) ? jobId! : throw new BusinessRuleException($"The payload has no valid jobId ('{jobId}').");

    private static void Log<TPayload>(FunctionDependencies dependencies, string level, string function, string message, TPayload? payload,
        Func<TPayload, (string? JobId, string? ExecutionId)> ids, long started)
    {
        var (jobId, executionId) = payload is null ? (null, null) : ids(payload);
        dependencies.Log.Write(level, function, message, new Dictionary<string, object?>
        {
            ["jobId"] = jobId,
            ["executionId"] = executionId,
            ["durationMs"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
        });
    }
}
