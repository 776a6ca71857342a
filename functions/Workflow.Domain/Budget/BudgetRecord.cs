namespace Workflow.Domain;

/// <summary>A cost centre's budget: what it may spend and what purchase orders already committed.</summary>
public sealed record BudgetRecord(string CostCentre, string Currency, decimal Limit, decimal Committed)
{
    public decimal Remaining => Limit - Committed;
}
