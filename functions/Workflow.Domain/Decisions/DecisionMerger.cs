using System.Globalization;

namespace Workflow.Domain;

/// <summary>
/// Auto-rejects when the request is invalid, over budget or a check could not run; otherwise asks for approval when
/// the total exceeds the threshold or any policy flag is raised.
/// </summary>
public sealed class DecisionMerger(decimal approvalThreshold)
{
    public Decision Merge(DecisionInputs inputs)
    {
        var reasons = new List<string>();
        var autoReject = false;

        foreach (var failure in inputs.Failures)
        {
            autoReject = true;
            reasons.Add($"check failed: {failure}");
        }

        if (inputs.Validation is { Valid: false } validation)
        {
            autoReject = true;
            reasons.AddRange(validation.Errors.Select(e => $"invalid {e.Field}: {e.Message}"));
        }
        else if (inputs.Validation is null && inputs.Failures.Count == 0)
        {
            autoReject = true;
            reasons.Add("validation result is missing");
        }

        if (inputs.Price is null && inputs.Failures.Count == 0)
        {
            autoReject = true;
            reasons.Add("price result is missing");
        }

        if (inputs.Budget is { WithinBudget: false } budget)
        {
            autoReject = true;
            reasons.Add($"budget: {budget.Reason}");
        }
        else if (inputs.Budget is null && inputs.Failures.Count == 0)
        {
            autoReject = true;
            reasons.Add("budget result is missing");
        }

        var flags = inputs.Policy?.Flags ?? [];
        reasons.AddRange(flags.Select(f => $"policy {f.Code}: {f.Message}"));

        var total = inputs.Price?.Total ?? 0m;
        var currency = inputs.Price?.Currency ?? "";
        var overThreshold = inputs.Price is not null && total > approvalThreshold;
        if (overThreshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"total {total} {currency} exceeds the approval threshold {approvalThreshold}"));
        }

        var needsApproval = !autoReject && (overThreshold || flags.Count > 0);
        return new Decision(needsApproval, autoReject, reasons, total, currency, flags);
    }
}
