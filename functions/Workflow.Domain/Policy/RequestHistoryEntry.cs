namespace Workflow.Domain;

/// <summary>An earlier request of the same client, as the split-purchase rule needs it.</summary>
public sealed record RequestHistoryEntry(string JobId, string Requester, string Vendor, string Currency, decimal Total, DateTimeOffset CreatedAt, JobStatus Status);
