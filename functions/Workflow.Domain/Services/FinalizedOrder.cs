namespace Workflow.Domain;

/// <summary>The result of finalizing a purchase request: its order number, and when the job was submitted.</summary>
public sealed record FinalizedOrder(string PurchaseOrderNumber, DateTimeOffset SubmittedAt);
