namespace Workflow.Domain;

/// <summary>The Step Functions calls the application makes.</summary>
public interface IWorkflowControl
{
    /// <exception cref="WorkflowTaskGoneException">The task timed out, finished or the token is invalid.</exception>
    Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken cancellationToken);

    /// <exception cref="WorkflowTaskGoneException">The task timed out, finished or the token is invalid.</exception>
    Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken);

    /// <summary>Stops an execution; an execution that no longer exists is not an error.</summary>
    Task StopExecutionAsync(string executionArn, string error, string cause, CancellationToken cancellationToken);
}

/// <summary>The waiting task can no longer accept a result (timed out, already completed, or unknown token).</summary>
public sealed class WorkflowTaskGoneException : Exception
{
    public WorkflowTaskGoneException(string message) : base(message) { }

    public WorkflowTaskGoneException(string message, Exception inner) : base(message, inner) { }

    public WorkflowTaskGoneException() : base("The workflow task no longer exists.") { }
}
