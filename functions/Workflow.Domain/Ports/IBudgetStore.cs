namespace Workflow.Domain;

public interface IBudgetStore
{
    Task<BudgetRecord?> GetBudgetAsync(string costCentre, CancellationToken cancellationToken);

    Task PutBudgetAsync(BudgetRecord budget, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a finalized order's total to the committed amount once per job (a retried Finalize does not count twice);
    /// false when this job was already counted.
    /// </summary>
    Task<bool> TryCommitSpendAsync(string costCentre, string jobId, decimal amount, CancellationToken cancellationToken);
}
