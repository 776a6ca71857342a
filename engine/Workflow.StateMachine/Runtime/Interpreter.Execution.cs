using Workflow.StateMachine.Api;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>The execution as a whole: start, state machine timeout, stop, and the closing event.</summary>
internal sealed partial class Interpreter
{
    public async Task RunExecutionAsync(bool resuming)
    {
        try
        {
            if (!resuming)
            {
                run.Record(null, new HistoryEvent { Type = "ExecutionStarted", Input = run.Input, RoleArn = run.Machine.RoleArn });
                run.Root.StateInput = run.InputNode;
                run.Root.LastEventId = 1;
                services.Saver?.Save(run);
            }

            using var timeout = StartExecutionTimeout();
            FlowResult result;
            try
            {
                result = await RunFlowAsync(run.Root, run.Cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
            {
                FinishStopped();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = FlowResult.Failure(ErrorNames.Runtime, $"Internal error: {ex.GetType().Name}: {ex.Message}");
            }

            if (result.Succeeded)
            {
                var output = JsonText.Of(result.Output);
                run.TryFinish(ExecutionStatus.Succeeded, output, null, null, new HistoryEvent { Type = "ExecutionSucceeded", Output = output });
            }
            else
            {
                run.TryFinish(ExecutionStatus.Failed, null, result.Error, result.Cause, new HistoryEvent { Type = "ExecutionFailed", Error = result.Error, Cause = result.Cause });
            }
        }
        finally
        {
            if (!run.Detached)
            {
                services.Tokens.CloseAll(run.Arn);
            }

            services.Saver?.Save(run);
            run.Completed();
        }
    }

    private ITimer? StartExecutionTimeout()
    {
        if (run.Machine.Graph.TimeoutSeconds is not { } seconds)
        {
            return null;
        }

        var deadline = run.StartDate.AddSeconds(seconds);
        var due = deadline - services.TimeProvider.GetUtcNow();
        return services.TimeProvider.CreateTimer(
            _ =>
            {
                run.StopReason ??= ExecutionStatus.TimedOut;
                run.Cancellation.Cancel();
            },
            null,
            due < TimeSpan.Zero ? TimeSpan.Zero : due,
            Timeout.InfiniteTimeSpan);
    }

    private void FinishStopped()
    {
        if (run.Detached)
        {
            return;
        }

        if (run.StopReason == ExecutionStatus.TimedOut)
        {
            run.TryFinish(ExecutionStatus.TimedOut, null, ErrorNames.Timeout, null, new HistoryEvent { Type = "ExecutionTimedOut", Error = ErrorNames.Timeout });
            return;
        }

        var (error, cause) = run.StopDetails;
        run.TryFinish(ExecutionStatus.Aborted, null, error, cause, new HistoryEvent { Type = "ExecutionAborted", Error = error, Cause = cause });
    }
}
