namespace Workflow.Local.Notifications;

/// <summary>A publish to a topic the template does not declare (SNS answers NotFound).</summary>
public sealed class TopicNotFoundException(string topicArn) : Exception($"Topic does not exist: {topicArn}")
{
    public string TopicArn { get; } = topicArn;
}
