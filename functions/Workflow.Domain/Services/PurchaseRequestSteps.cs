using System.Text.Json;

namespace Workflow.Domain;

/// <summary>
/// The business of each state-machine step, behind the ports; the step handlers only translate JSON.
/// <paramref name="defaultBudget"/> (limit and currency) applies to cost centres without a budget record; without it
/// such requests fail the budget check.
/// </summary>
public sealed class PurchaseRequestSteps(
    IJobStore jobs,
    IBudgetStore budgets,
    PricingCalculator pricing,
    PolicyChecker policy,
    TimeProvider time,
    BudgetRecord? defaultBudget = null)
{
    private const int HistoryLimit = 500;

    /// <summary>The request the step should work on: the payload's input, or the stored job's when the payload has none.</summary>
    public async Task<JsonElement> ResolveInputAsync(string jobId, JsonElement? input, CancellationToken cancellationToken)
    {
        if (input is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } given)
        {
            return given;
        }

        var job = await jobs.GetJobAsync(jobId, cancellationToken)
            ?? throw new BusinessRuleException($"Job {jobId} does not exist.");
        using var document = JsonDocument.Parse(job.InputJson);
        return document.RootElement.Clone();
    }

    public ValidationReport Validate(JsonElement input) => new PurchaseRequestValidator(pricing).Validate(input);

    public PriceQuote Price(JsonElement input) => pricing.Price(ParseOrThrow(input));

    public async Task<BudgetCheckResult> CheckBudgetAsync(JsonElement input, CancellationToken cancellationToken)
    {
        var request = ParseOrThrow(input);
        var quote = pricing.Price(request);
        var budget = await budgets.GetBudgetAsync(request.CostCentre, cancellationToken)
            ?? (defaultBudget is null ? null : defaultBudget with { CostCentre = request.CostCentre });
        return BudgetChecker.Check(budget, request.CostCentre, quote);
    }

    public async Task<PolicyResult> CheckPolicyAsync(string jobId, string? clientId, JsonElement input, CancellationToken cancellationToken)
    {
        var request = ParseOrThrow(input);
        var quote = pricing.Price(request);
        var now = time.GetUtcNow();
        if (clientId is null)
        {
            clientId = (await jobs.GetJobAsync(jobId, cancellationToken))?.ClientId
                ?? throw new BusinessRuleException($"Job {jobId} does not exist.");
        }

        var since = now - policy.SplitWindow;
        var recent = await jobs.ListClientJobsSinceAsync(clientId, since, HistoryLimit, cancellationToken);
        return policy.Check(jobId, request, quote, recent.Select(ToHistory).OfType<RequestHistoryEntry>(), now);
    }

    /// <summary>Commits the spend and issues the purchase-order number; also says when the job was submitted.</summary>
    public async Task<FinalizedOrder> FinalizeAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetJobAsync(jobId, cancellationToken)
            ?? throw new BusinessRuleException($"Job {jobId} does not exist.");
        if (job.Status is JobStatus.Cancelled or JobStatus.Rejected or JobStatus.Failed)
        {
            throw new BusinessRuleException($"Job {jobId} is {job.Status.ToWire()} and cannot be finalized.");
        }

        var request = PurchaseRequestParser.ParseStored(job.InputJson);
        var quote = pricing.Price(request);
        await budgets.TryCommitSpendAsync(request.CostCentre, job.Id, quote.Total, cancellationToken);
        return new FinalizedOrder(PurchaseOrderNumber.For(job.Id, job.CreatedAt), job.CreatedAt);
    }

    private RequestHistoryEntry? ToHistory(JobRecord job)
    {
        try
        {
            var request = PurchaseRequestParser.ParseStored(job.InputJson);
            var total = pricing.Price(request).Total;
            return new RequestHistoryEntry(job.Id, request.Requester, request.Vendor, request.Currency, total, job.CreatedAt, job.Status);
        }
        catch (Exception ex) when (ex is BusinessRuleException or JsonException)
        {
            return null;
        }
    }

    private static PurchaseRequest ParseOrThrow(JsonElement input)
    {
        var parsed = PurchaseRequestParser.Parse(input);
        return parsed.Value ?? throw new BusinessRuleException(
            "The purchase request is invalid: " + string.Join("; ", parsed.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
