using System.Globalization;

namespace Workflow.Domain;

public sealed class PolicyChecker(PolicySettings settings)
{
    private readonly HashSet<string> blocked = settings.BlockedVendors.Select(VendorNames.Normalize).ToHashSet(StringComparer.Ordinal);

    /// <summary>How far back the split-purchase rule looks.</summary>
    public TimeSpan SplitWindow => settings.SplitWindow;

    public PolicyResult Check(string jobId, PurchaseRequest request, PriceQuote quote, IEnumerable<RequestHistoryEntry> history, DateTimeOffset now)
    {
        var flags = new List<PolicyFlag>();
        if (blocked.Contains(VendorNames.Normalize(request.Vendor)))
        {
            flags.Add(new PolicyFlag(PolicyFlag.BlockedVendor, $"vendor '{request.Vendor}' is on the blocked vendors list"));
        }

        var split = CheckSplit(jobId, request, quote, history, now);
        if (split is not null)
        {
            flags.Add(split);
        }

        return new PolicyResult(flags);
    }

    private PolicyFlag? CheckSplit(string jobId, PurchaseRequest request, PriceQuote quote, IEnumerable<RequestHistoryEntry> history, DateTimeOffset now)
    {
        var threshold = settings.ApprovalThreshold;
        var lower = threshold * settings.SplitBandFraction;
        bool InBand(decimal total) => total >= lower && total <= threshold;

        if (!InBand(quote.Total))
        {
            return null;
        }

        var since = now - settings.SplitWindow;
        var related = history
            .Where(h => h.JobId != jobId
                && h.Status is not JobStatus.Cancelled
                && h.CreatedAt >= since && h.CreatedAt <= now
                && string.Equals(h.Currency, quote.Currency, StringComparison.Ordinal)
                && VendorNames.Same(h.Vendor, request.Vendor)
                && string.Equals(h.Requester.Trim(), request.Requester.Trim(), StringComparison.OrdinalIgnoreCase)
                && InBand(h.Total))
            .ToList();

        var count = related.Count + 1;
        if (count < settings.SplitMinimumRequests)
        {
            return null;
        }

        var combined = related.Sum(h => h.Total) + quote.Total;
        var days = settings.SplitWindow.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);
        return new PolicyFlag(PolicyFlag.SplitPurchase,
            string.Create(CultureInfo.InvariantCulture,
                $"{count} requests by '{request.Requester}' to '{request.Vendor}' within {days} days are each just under the approval threshold {threshold} (combined {combined} {quote.Currency})"));
    }
}
