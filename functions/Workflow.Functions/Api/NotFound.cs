using Workflow.Functions.Http;

namespace Workflow.Functions.Api;

internal static class NotFound
{
    public static HttpApiResponse Job(string? jobId) =>
        Responses.Problem(404, "Job not found", $"There is no job '{jobId}' for this client.");
}
