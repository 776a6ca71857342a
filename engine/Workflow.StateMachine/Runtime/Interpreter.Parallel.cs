using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>Parallel states: every branch runs as its own flow with its own variable scope.</summary>
internal sealed partial class Interpreter
{
    private async ValueTask<StepResult> ExecuteParallelAsync(Frame frame, ParallelStateNode state, bool resuming, CancellationToken cancellationToken)
    {
        var raw = frame.StateInput;
        var input = ApplyInputPath(frame, state, raw);
        while (true)
        {
            string? error;
            string? cause;
            try
            {
                var outputs = await RunBranchesAsync(frame, state, input, resuming, cancellationToken).ConfigureAwait(false);
                RecordSimple(frame, "ParallelStateSucceeded");
                var selected = state.ResultSelector is null ? outputs : state.ResultSelector.Evaluate(Scope(frame, state, outputs));
                var assigned = ApplyAssign(frame, state, state.Assign, selected);
                var output = ApplyOutputPath(frame, state, ApplyResultPath(raw, state.ResultPath, selected));
                return Exit(frame, state, output, assigned, state.Next);
            }
            catch (FlowFailedException ex)
            {
                (error, cause) = (ex.Error, ex.Cause);
            }
            catch (StatesException ex)
            {
                error = ex.Error;
                cause = ex.Error == ErrorNames.Runtime ? RuntimeCause(frame, ex.Cause) : ex.Cause;
            }

            resuming = false;
            lock (run.Gate)
            {
                frame.Parallel = null;
            }

            var step = await RecoverAsync(frame, state, raw, error, cause, "ParallelStateFailed", cancellationToken).ConfigureAwait(false);
            if (step is { } decided)
            {
                return decided;
            }
        }
    }

    private async ValueTask<JsonArray> RunBranchesAsync(Frame frame, ParallelStateNode state, JsonNode? input, bool resuming, CancellationToken cancellationToken)
    {
        ParallelProgress progress;
        if (resuming && frame.Parallel is { } saved)
        {
            progress = saved;
        }
        else
        {
            var branchInput = state.Parameters is null ? input : state.Parameters.Evaluate(Scope(frame, state, input));
            run.Record(frame, new HistoryEvent { Type = "ParallelStateStarted" });
            progress = new ParallelProgress(state.Branches.Count) { RawInput = branchInput };
            for (var i = 0; i < state.Branches.Count; i++)
            {
                progress.Running[i] = new Frame(state.Branches[i], new VariableScope(frame.Variables), frame)
                {
                    Silent = frame.Silent,
                    // Each branch reads its own copy: JSON nodes are not safe to read from several threads at once.
                    StateInput = i == 0 ? branchInput : branchInput?.DeepClone(),
                    LastEventId = frame.LastEventId,
                };
            }

            lock (run.Gate)
            {
                frame.Parallel = progress;
            }

            services.Saver?.Save(run);
        }

        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task<FlowResult>>(state.Branches.Count);
        var indexes = new List<int>(state.Branches.Count);
        for (var i = 0; i < state.Branches.Count; i++)
        {
            if (!progress.Done[i] && progress.Running[i] is { } branch)
            {
                tasks.Add(RunBranchAsync(branch, progress, i, siblings).AsTask());
                indexes.Add(i);
            }
        }

        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var result in results)
        {
            if (!result.Succeeded && result.Error != AbortedMarker)
            {
                throw new FlowFailedException(result.Error, result.Cause);
            }
        }

        var outputs = new JsonArray();
        lock (run.Gate)
        {
            foreach (var output in progress.Outputs)
            {
                outputs.Add(Detached(output));
            }
        }

        return outputs;
    }

    private async ValueTask<FlowResult> RunBranchAsync(Frame branch, ParallelProgress progress, int index, CancellationTokenSource siblings)
    {
        FlowResult result;
        try
        {
            result = await RunFlowAsync(branch, siblings.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (siblings.IsCancellationRequested)
        {
            return FlowResult.Failure(AbortedMarker, null);
        }

        lock (run.Gate)
        {
            if (result.Succeeded)
            {
                progress.Outputs[index] = result.Output;
                progress.Done[index] = true;
                progress.Running[index] = null;
            }
        }

        if (!result.Succeeded)
        {
            await siblings.CancelAsync().ConfigureAwait(false);
        }
        else
        {
            services.Saver?.Save(run);
        }

        return result;
    }

    /// <summary>Marks a branch or iteration that stopped because a sibling failed (not a failure of its own).</summary>
    private const string AbortedMarker = "\u0000aborted";
}

/// <summary>A nested flow (branch, iteration) failed: its error and cause pass through unchanged.</summary>
internal sealed class FlowFailedException(string? error, string? cause) : Exception(cause)
{
    public string? Error { get; } = error;

    public string? Cause { get; } = cause;
}
