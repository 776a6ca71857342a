namespace Workflow.Domain;

/// <summary>
/// Policy configuration. A split purchase is a run of requests by the same requester to the same vendor inside
/// <see cref="SplitWindow"/>, each between <see cref="SplitBandFraction"/> of the approval threshold and the threshold.
/// </summary>
public sealed record PolicySettings
{
    public IReadOnlyCollection<string> BlockedVendors { get; init; } = [];
    public required decimal ApprovalThreshold { get; init; }
    public TimeSpan SplitWindow { get; init; } = TimeSpan.FromDays(7);
    public decimal SplitBandFraction { get; init; } = 0.8m;

    /// <summary>How many requests in the band (the current one included) make a split.</summary>
    public int SplitMinimumRequests { get; init; } = 2;
}
