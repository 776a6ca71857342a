using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>Retry and Catch for Task, Parallel and Map states.</summary>
internal sealed partial class Interpreter
{
    /// <summary>
    /// Decides what a failed attempt leads to: null after a retry delay (run the state again), a step to the
    /// catcher's target, or the failure of the flow. <paramref name="failedEvent"/> (e.g. <c>MapStateFailed</c>)
    /// is recorded when the state gives up.
    /// </summary>
    private async ValueTask<StepResult?> RecoverAsync(Frame frame, RecoverableStateNode state, JsonNode? rawInput, string? error, string? cause, string? failedEvent, CancellationToken cancellationToken)
    {
        if (error != ErrorNames.Runtime)
        {
            for (var i = 0; i < state.Retry.Count; i++)
            {
                var retrier = state.Retry[i];
                if (!Matches(retrier.ErrorEquals, error))
                {
                    continue;
                }

                int attempt;
                lock (run.Gate)
                {
                    frame.RetrierAttempts ??= new int[state.Retry.Count];
                    attempt = frame.RetrierAttempts[i];
                    if (attempt < retrier.MaxAttempts)
                    {
                        frame.RetrierAttempts[i] = attempt + 1;
                        frame.RetryCount++;
                    }
                }

                if (attempt >= retrier.MaxAttempts)
                {
                    break;
                }

                var delay = RetryDelay(retrier, attempt);
                services.Saver?.Save(run);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, services.TimeProvider, cancellationToken).ConfigureAwait(false);
                }

                return null;
            }

            foreach (var catcher in state.Catch)
            {
                if (!Matches(catcher.ErrorEquals, error))
                {
                    continue;
                }

                if (failedEvent is not null)
                {
                    RecordSimple(frame, failedEvent);
                }

                var errorOutput = new JsonObject();
                if (error is not null)
                {
                    errorOutput["Error"] = error;
                }

                if (cause is not null)
                {
                    errorOutput["Cause"] = cause;
                }
                else if (error is ErrorNames.Timeout or ErrorNames.HeartbeatTimeout)
                {
                    errorOutput["Cause"] = string.Empty;
                }

                var assigned = ApplyAssign(frame, state, catcher.Assign, errorOutput);
                var output = ApplyResultPath(rawInput, catcher.ResultPath, errorOutput);
                return Exit(frame, state, output, assigned, catcher.Next);
            }
        }

        if (failedEvent is not null)
        {
            RecordSimple(frame, failedEvent);
        }

        return StepResult.Fail(error, cause);
    }

    private static bool Matches(IReadOnlyList<string> errorEquals, string? error)
    {
        foreach (var name in errorEquals)
        {
            if (name == error)
            {
                return true;
            }

            if (name == ErrorNames.All)
            {
                return error != ErrorNames.Runtime;
            }

            if (name == ErrorNames.TaskFailed && error is not null && error != ErrorNames.Timeout && error != ErrorNames.Runtime)
            {
                return true;
            }
        }

        return false;
    }

    private TimeSpan RetryDelay(Retrier retrier, int attempt)
    {
        var seconds = retrier.IntervalSeconds * Math.Pow(retrier.BackoffRate, attempt);
        if (retrier.MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }

        if (retrier.Jitter == JitterStrategy.Full)
        {
            seconds *= services.Random.NextDouble();
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, 99_999_999));
    }

    private static HistoryEvent Simple(string type) => new() { Type = type };
}
