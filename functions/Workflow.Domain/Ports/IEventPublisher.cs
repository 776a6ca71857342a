namespace Workflow.Domain;

/// <summary>Publishes application events (source <c>workflow.jobs</c>) to the bus.</summary>
public interface IEventPublisher
{
    Task PublishAsync(IReadOnlyList<JobEvent> events, CancellationToken cancellationToken);
}

/// <summary>One event: its detail type and the detail as JSON text.</summary>
public sealed record JobEvent(string DetailType, string DetailJson)
{
    public const string JobSubmitted = "JobSubmitted";
    public const string ApprovalRequested = "ApprovalRequested";
    public const string JobCompleted = "JobCompleted";
    public const string JobFailed = "JobFailed";
    public const string ApprovalReminder = "ApprovalReminder";
    public const string ApprovalDecided = "ApprovalDecided";
}
