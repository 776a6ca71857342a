using System.Text.Json;
using Workflow.Domain;
using Workflow.Functions.Http;
using Workflow.Functions.Infrastructure;

namespace Workflow.Functions.Api;

/// <summary>POST /jobs/{id}/approval with <c>{"decision":"APPROVE"|"REJECT","comment":"..."}</c>.</summary>
public sealed class DecideApprovalHandler
{
    public const int MaxCommentLength = 1000;
    private readonly FunctionDependencies dependencies;

    public DecideApprovalHandler() : this(FunctionDependencies.FromEnvironment()) { }

    public DecideApprovalHandler(FunctionDependencies dependencies) => this.dependencies = dependencies;

    public Task<Stream> HandleAsync(Stream input) => ApiPipeline.RunAsync(input, nameof(DecideApprovalHandler), dependencies, DecideAsync);

    private async Task<HttpApiResponse> DecideAsync(ApiCall call)
    {
        var jobId = call.JobIdFromPath();
        var group = dependencies.Settings.ApproverGroup;
        if (!call.Caller.IsInGroup(group))
        {
            return Forbidden.NotApprover(group);
        }

        var (decision, comment) = ReadBody(call);
        var service = new ApprovalService(dependencies.Jobs, dependencies.Workflow, new ApprovalRules(group), dependencies.Time, dependencies.Events);
        var result = await service.DecideAsync(call.Caller, jobId, decision, comment, CancellationToken.None);
        if (result is { Kind: ApprovalResultKind.Decided, Approval: { } approval, AwaitingSince: { } since })
        {
            var rejected = decision == "REJECT" ? 1 : 0;
            dependencies.Metrics.Emit(nameof(DecideApprovalHandler), jobId, approval.Outcome,
                (BusinessMetrics.ApprovalsDecided, 1),
                (BusinessMetrics.JobsRejected, rejected),
                (BusinessMetrics.ApprovalWaitTime, Math.Round(Math.Max(0, (approval.At - since).TotalMilliseconds))));
        }

        return result.Kind switch
        {
            ApprovalResultKind.Decided => Responses.Json(200, JobViews.Full(result.Job!)),
            ApprovalResultKind.NotApprover => Forbidden.NotApprover(group),
            ApprovalResultKind.OwnRequest => Forbidden.OwnRequest(),
            ApprovalResultKind.NotAwaitingApproval => Responses.Problem(409, "Not awaiting approval",
                $"Job {jobId} is {result.Job!.Status.ToWire()}" + (result.Job.Approval is { } a ? $"; it was already {a.Outcome.ToLowerInvariant()} by {a.By}." : ".")),
            ApprovalResultKind.WindowClosed => Responses.Problem(409, "Approval window closed",
                $"Job {jobId} no longer waits for a decision (the approval timed out or the workflow ended)."),
            _ => NotFound.Job(jobId),
        };
    }

    private static (string Decision, string? Comment) ReadBody(ApiCall call)
    {
        using var body = call.ReadJsonBody();
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiProblemException.Field(400, "Bad request", "body", "must be a JSON object with decision and comment");
        }

        if (!root.TryGetProperty("decision", out var decision) || decision.ValueKind == JsonValueKind.Null)
        {
            throw ApiProblemException.Field(400, "Bad request", "decision", "is required (APPROVE or REJECT)");
        }

        if (decision.ValueKind != JsonValueKind.String || decision.GetString() is not ("APPROVE" or "REJECT"))
        {
            throw ApiProblemException.Field(400, "Bad request", "decision", "must be the string APPROVE or REJECT");
        }

        string? comment = null;
        if (root.TryGetProperty("comment", out var commentElement) && commentElement.ValueKind != JsonValueKind.Null)
        {
            if (commentElement.ValueKind != JsonValueKind.String)
            {
                throw ApiProblemException.Field(400, "Bad request", "comment", "must be a string");
            }

            comment = commentElement.GetString();
            if (comment!.Length > MaxCommentLength)
            {
                throw ApiProblemException.Field(422, "Invalid comment", "comment", $"must be at most {MaxCommentLength} characters");
            }
        }

        if (decision.GetString() == "REJECT" && string.IsNullOrWhiteSpace(comment))
        {
            // The requester is told why; a bare "rejected" leaves them guessing.
            throw ApiProblemException.Field(422, "Comment required", "comment", "is required when rejecting: tell the requester why");
        }

        return (decision.GetString()!, comment);
    }
}
