using System.Collections.Concurrent;
using Workflow.Domain;

namespace Workflow.Functions.Tests.Support;

/// <summary>Records Step Functions calls; can answer like a timed-out task.</summary>
public sealed class RecordingWorkflowControl : IWorkflowControl
{
    private readonly ConcurrentQueue<(string Token, string Output)> successes = new();
    private readonly ConcurrentQueue<(string Arn, string Error, string Cause)> stops = new();

    public bool TaskGone { get; set; }

    public bool Unavailable { get; set; }

    public IReadOnlyList<(string Token, string Output)> Successes => successes.ToList();

    public IReadOnlyList<(string Arn, string Error, string Cause)> Stops => stops.ToList();

    public Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken cancellationToken)
    {
        if (TaskGone)
        {
            throw new WorkflowTaskGoneException("TaskTimedOut (test)");
        }

        if (Unavailable)
        {
            throw new TransientDependencyException("Step Functions is unavailable (test).");
        }

        successes.Enqueue((taskToken, outputJson));
        return Task.CompletedTask;
    }

    public Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken) =>
        TaskGone ? throw new WorkflowTaskGoneException("TaskTimedOut (test)") : Task.CompletedTask;

    public Task StopExecutionAsync(string executionArn, string error, string cause, CancellationToken cancellationToken)
    {
        stops.Enqueue((executionArn, error, cause));
        return Task.CompletedTask;
    }
}
