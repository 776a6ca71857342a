namespace Workflow.Domain;

public sealed record PolicyFlag(string Code, string Message)
{
    public const string BlockedVendor = "BLOCKED_VENDOR";
    public const string SplitPurchase = "SPLIT_PURCHASE";
}

public sealed record PolicyResult(IReadOnlyList<PolicyFlag> Flags);
