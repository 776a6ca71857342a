using Workflow.Domain;

namespace Workflow.Functions.Tests.Support;

/// <summary>The real store, except that reading or deleting a task token fails as a DynamoDB outage would while switched on.</summary>
public sealed class TaskTokenOutageStore(IJobStore inner) : DelegatingJobStore(inner)
{
    public bool ReadUnavailable { get; set; }

    public bool DeleteUnavailable { get; set; }

    public override Task<string?> GetTaskTokenAsync(string jobId, CancellationToken cancellationToken) =>
        ReadUnavailable ? Task.FromException<string?>(Outage()) : base.GetTaskTokenAsync(jobId, cancellationToken);

    public override Task DeleteTaskTokenAsync(string jobId, CancellationToken cancellationToken) =>
        DeleteUnavailable ? Task.FromException(Outage()) : base.DeleteTaskTokenAsync(jobId, cancellationToken);

    private static TransientDependencyException Outage() => new("DynamoDB is unavailable (test).");
}
