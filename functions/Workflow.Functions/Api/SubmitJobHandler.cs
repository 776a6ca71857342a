using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Api;

/// <summary>POST /jobs: accept a job (202), replay an idempotent retry (200), refuse a reused key (422).</summary>
public sealed class SubmitJobHandler
{
    private const int RetryAfterSeconds = 2;
    private readonly FunctionDependencies dependencies;

    public SubmitJobHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public SubmitJobHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => ApiPipeline.RunAsync(input, nameof(SubmitJobHandler), dependencies, SubmitAsync);

    private async Task<HttpApiResponse> SubmitAsync(ApiCall call)
    {
        var idempotencyKey = call.Request.Header("idempotency-key");
        if (idempotencyKey is not null && IdempotencyKeys.Problem(idempotencyKey) is { } keyProblem)
        {
            throw ApiProblemException.Field(400, "Bad request", "Idempotency-Key", keyProblem);
        }

        using var body = call.ReadJsonBody();
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiProblemException.Field(400, "Bad request", "body", "must be a JSON object with type and input");
        }

        var type = ReadType(root);
        if (!root.TryGetProperty("input", out var jobInput) || jobInput.ValueKind == JsonValueKind.Null)
        {
            throw ApiProblemException.Field(400, "Bad request", "input", "is required");
        }

        var service = new JobSubmissionService(dependencies.Jobs, dependencies.Events, dependencies.Time, dependencies.Settings.SupportedJobTypes);
        var result = await service.SubmitAsync(call.Caller.Id, type, jobInput, idempotencyKey, RequestFingerprint.Compute(root), CancellationToken.None,
            call.Caller.Email);
        call.JobId = result.Job?.Id;
        switch (result.Outcome)
        {
            case SubmitOutcome.Created:
                dependencies.Metrics.Count(BusinessMetrics.JobsSubmitted, nameof(SubmitJobHandler), result.Job!.Id, type);
                if (result.PublishDeferred)
                {
                    dependencies.Log.Write("WARN", nameof(SubmitJobHandler), "JobSubmitted not published; the republisher will send it",
                        new Dictionary<string, object?> { ["jobId"] = result.Job!.Id, ["requestId"] = call.Request.RequestContext?.RequestId });
                }

                return Accepted(result.Job!);
            case SubmitOutcome.Replayed:
                return Responses.Json(200, JobViews.Full(result.Job!), ("location", $"/jobs/{result.Job!.Id}"));
            case SubmitOutcome.KeyConflict:
                throw ApiProblemException.Field(422, "Idempotency key reused", "Idempotency-Key",
                    "was already used with a different request body; use a new key for a new request");
            case SubmitOutcome.UnsupportedType:
                throw ApiProblemException.Field(400, "Unsupported job type", "type",
                    $"'{type}' is not supported; supported types: {string.Join(", ", dependencies.Settings.SupportedJobTypes)}");
            default:
                throw new ApiProblemException(ProblemDetails.Create(422, "Invalid job input",
                    $"The input has {result.Errors.Count} problem(s).", result.Errors));
        }
    }

    private static string ReadType(JsonElement root)
    {
        if (!root.TryGetProperty("type", out var type) || type.ValueKind == JsonValueKind.Null)
        {
            throw ApiProblemException.Field(400, "Bad request", "type", "is required");
        }

        if (type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
        {
            throw ApiProblemException.Field(400, "Bad request", "type", "must be a non-empty string");
        }

        return type.GetString()!;
    }

    private static HttpApiResponse Accepted(JobRecord job) => Responses.Json(202,
        new JsonObject
        {
            ["jobId"] = job.Id,
            ["status"] = job.Status.ToWire(),
            ["links"] = JobViews.Links(job),
        },
        ("location", $"/jobs/{job.Id}"),
        ("retry-after", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)));
}
