using System.Text.Json;

namespace Workflow.Functions.Steps;

/// <summary>Payload of the Validate, Price, Budget and Policy steps (see README.md).</summary>
public sealed class StepPayload
{
    public string? JobId { get; set; }
    public string? ClientId { get; set; }
    public string? ExecutionId { get; set; }
    public JsonElement? Input { get; set; }
}

/// <summary>MergeDecision: the Parallel state's output array in branch order Validate, Price, Budget, Policy.</summary>
public sealed class MergePayload
{
    public string? JobId { get; set; }
    public string? ExecutionId { get; set; }
    public JsonElement? Input { get; set; }
    public List<JsonElement>? Results { get; set; }

    /// <summary>The state machine's configured threshold; when absent, APPROVAL_THRESHOLD applies.</summary>
    public decimal? ApprovalThreshold { get; set; }
}

/// <summary>RequestApproval (.waitForTaskToken): the token, the job, and the merged decision to show approvers.</summary>
public sealed class ApprovalRequestPayload
{
    public string? TaskToken { get; set; }
    public string? JobId { get; set; }
    public string? ExecutionId { get; set; }
    public JsonElement? Decision { get; set; }

    /// <summary>The state's TimeoutSecondsPath value, so the job records when the wait times out.</summary>
    public long? ApprovalTimeoutSeconds { get; set; }
}

public sealed class FinalizePayload
{
    public string? JobId { get; set; }
    public string? ExecutionId { get; set; }
    public JsonElement? Input { get; set; }
    public JsonElement? Decision { get; set; }
    public JsonElement? Approval { get; set; }
}

public sealed record FinalizeResult(string PurchaseOrderNumber);

public sealed record RepublishResult(int Republished, IReadOnlyList<string> JobIds);
