using Workflow.Aws;
using Workflow.Domain;

namespace Workflow.Functions.Infrastructure;

/// <summary>Task results and execution stops through the Step Functions client, with its errors in domain terms.</summary>
public sealed class StepFunctionsWorkflowControl(IStepFunctionsClient client) : IWorkflowControl
{
    public Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken cancellationToken) =>
        TranslateAsync(() => client.SendTaskSuccessAsync(taskToken, outputJson, cancellationToken));

    public Task SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken cancellationToken) =>
        TranslateAsync(() => client.SendTaskFailureAsync(taskToken, error, cause, cancellationToken));

    public async Task StopExecutionAsync(string executionArn, string error, string cause, CancellationToken cancellationToken)
    {
        try
        {
            await TranslateAsync(() => client.StopExecutionAsync(executionArn, error, cause, cancellationToken));
        }
        catch (ExecutionDoesNotExistException)
        {
            // Already gone (finished and expired, or never started): nothing left to stop.
        }
    }

    private static async Task TranslateAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (AwsServiceException ex) when (ex is TaskDoesNotExistException or TaskTimedOutException or InvalidTokenException)
        {
            throw new WorkflowTaskGoneException($"The approval task can no longer be completed ({ex.ErrorCode}).", ex);
        }
        catch (AwsServiceException ex) when (ex.IsRetryable)
        {
            throw new TransientDependencyException($"Step Functions is unavailable: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw new TransientDependencyException($"Step Functions is unreachable: {ex.Message}", ex);
        }
    }
}
