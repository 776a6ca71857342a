namespace Workflow.Domain;

/// <summary>The merged outcome of the parallel checks, as the state machine branches on it and the API shows it.</summary>
public sealed record Decision(
    bool NeedsApproval,
    bool AutoReject,
    IReadOnlyList<string> Reasons,
    decimal Total,
    string Currency,
    IReadOnlyList<PolicyFlag> Flags);
