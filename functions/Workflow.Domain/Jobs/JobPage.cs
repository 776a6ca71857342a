namespace Workflow.Domain;

/// <summary>One page of jobs; <see cref="NextToken"/> is opaque to callers and null on the last page.</summary>
public sealed record JobPage(IReadOnlyList<JobRecord> Jobs, string? NextToken);
