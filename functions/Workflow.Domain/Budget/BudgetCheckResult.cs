namespace Workflow.Domain;

public sealed record BudgetCheckResult(string CostCentre, string Currency, bool WithinBudget, decimal Remaining, decimal Required, string? Reason);
