using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Workflow.Local.HttpApi;

namespace Workflow.Local.Hosting;

/// <summary>One structured log line per HTTP request: method, path, status, duration, request id and job id.</summary>
public sealed partial class RequestLogging(ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            var requestId = context.Items[HttpApiHandler.RequestIdItem] as string
                ?? Header(context, "x-amzn-RequestId") ?? Header(context, "x-amz-request-id") ?? context.TraceIdentifier;
            var jobId = JobIdOf(context.Request.Path.Value) ?? JobIdOf(Header(context, "Location"));
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            Request(
                logger,
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Response.StatusCode,
                Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1),
                requestId,
                jobId,
                target.Length > 0 ? target : null);
        }
    }

    private static string? Header(HttpContext context, string name) =>
        context.Response.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    /// <summary>The job id of <c>/jobs/{id}</c> paths (and of a <c>Location: /jobs/{id}</c> answer).</summary>
    public static string? JobIdOf(string? path) =>
        path is not null && JobPath().Match(path) is { Success: true } match ? Uri.UnescapeDataString(match.Groups[1].Value) : null;

    [GeneratedRegex("^/jobs/([^/?#]+)")]
    private static partial Regex JobPath();

    [LoggerMessage(EventId = 1, EventName = "http.request", Level = LogLevel.Information,
        Message = "{Method} {Path} {Status} {DurationMs} ms requestId={RequestId} jobId={JobId} target={Target}")]
    private static partial void Request(ILogger logger, string method, string path, int status, double durationMs, string requestId, string? jobId, string? target);
}
