namespace Workflow.Domain;

/// <summary>A dependency (DynamoDB, EventBridge, Step Functions) failed in a way worth retrying.</summary>
public sealed class TransientDependencyException : Exception
{
    public TransientDependencyException(string message) : base(message) { }

    public TransientDependencyException(string message, Exception inner) : base(message, inner) { }

    public TransientDependencyException() : base("A dependency is temporarily unavailable.") { }
}
