using System.Globalization;

namespace Workflow.Domain;

/// <summary>Compares an order's total with the cost centre's remaining budget. There is no currency conversion.</summary>
public static class BudgetChecker
{
    public static BudgetCheckResult Check(BudgetRecord? budget, string costCentre, PriceQuote quote)
    {
        if (budget is null)
        {
            return new BudgetCheckResult(costCentre, quote.Currency, false, 0m, quote.Total, $"cost centre '{costCentre}' has no budget");
        }

        if (!string.Equals(budget.Currency, quote.Currency, StringComparison.Ordinal))
        {
            return new BudgetCheckResult(costCentre, quote.Currency, false, budget.Remaining, quote.Total,
                $"cost centre '{costCentre}' budgets in {budget.Currency}, the request is in {quote.Currency}");
        }

        var within = quote.Total <= budget.Remaining;
        return new BudgetCheckResult(costCentre, quote.Currency, within, budget.Remaining, quote.Total,
            within ? null : string.Create(CultureInfo.InvariantCulture, $"total {quote.Total} {quote.Currency} exceeds the remaining budget {budget.Remaining} {budget.Currency} of cost centre '{costCentre}'"));
    }
}
