using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Persistence;

namespace Workflow.StateMachine.Runtime;

/// <summary>
/// Turns a live execution into an <see cref="ExecutionSnapshot"/> and hands it to the store; only used when the
/// store persists progress. Saves of one execution are serialised so an older snapshot never overwrites a newer one.
/// </summary>
internal sealed class ProgressSaver(IExecutionStore store)
{
    public void Save(ExecutionRun run)
    {
        lock (run.SaveGate)
        {
            ExecutionSnapshot snapshot;
            lock (run.Gate)
            {
                if (run.Detached)
                {
                    return;
                }

                var events = run.TakeUnsavedEvents();
                snapshot = new ExecutionSnapshot
                {
                    ExecutionArn = run.Arn,
                    StateMachineArn = run.Machine.Arn,
                    Name = run.Name,
                    Input = run.Input,
                    Status = run.Status.ToApiName(),
                    Output = run.Output,
                    Error = run.Error,
                    Cause = run.Cause,
                    StartDate = run.StartDate,
                    StopDate = run.StopDate,
                    Position = run.Status == ExecutionStatus.Running ? Capture(run.Root) : null,
                    NewEvents = events,
                };
            }

            store.SaveExecution(snapshot);
        }
    }

    private static FrameSnapshot Capture(Frame frame) => new()
    {
        StateName = frame.StateName,
        Input = JsonText.Of(frame.StateInput),
        Entered = frame.Entered,
        EnteredEventId = frame.EnteredEventId,
        EnteredTime = frame.EnteredTime,
        RetryCount = frame.RetryCount,
        RetrierAttempts = frame.RetrierAttempts is null ? null : [.. frame.RetrierAttempts],
        LastEventId = frame.LastEventId,
        Variables = frame.Variables.OwnValues?.ToDictionary(p => p.Key, p => JsonText.Of(p.Value), StringComparer.Ordinal),
        MapIndex = frame.MapIndex,
        MapItemValue = frame.MapIndex is null ? null : JsonText.Of(frame.MapItemValue),
        Silent = frame.Silent,
        WaitUntil = frame.WaitUntil,
        PendingTask = frame.PendingTask is { } p
            ? new PendingTaskSnapshot { Token = p.Token, Parameters = JsonText.Of(p.Parameters), TimeoutAt = p.TimeoutAt, HeartbeatSeconds = p.HeartbeatSeconds }
            : null,
        Parallel = frame.Parallel is { } parallel ? CaptureParallel(parallel) : null,
        Map = frame.Map is { } map ? CaptureMap(map) : null,
    };

    private static ParallelSnapshot CaptureParallel(ParallelProgress progress)
    {
        var branches = new List<BranchSnapshot>(progress.Done.Length);
        for (var i = 0; i < progress.Done.Length; i++)
        {
            branches.Add(new BranchSnapshot
            {
                Done = progress.Done[i],
                Output = progress.Done[i] ? JsonText.Of(progress.Outputs[i]) : null,
                Frame = progress.Running[i] is { } f ? Capture(f) : null,
            });
        }

        return new ParallelSnapshot { Input = JsonText.Of(progress.RawInput), Branches = branches };
    }

    private static MapSnapshot CaptureMap(MapProgress progress)
    {
        var iterations = new List<IterationSnapshot>();
        for (var i = 0; i < progress.Status.Length; i++)
        {
            switch (progress.Status[i])
            {
                case IterationStatus.Running when progress.Running[i] is { } f:
                    iterations.Add(new IterationSnapshot { Index = i, Status = "RUNNING", Frame = Capture(f) });
                    break;
                case IterationStatus.Succeeded:
                    iterations.Add(new IterationSnapshot { Index = i, Status = "SUCCEEDED", Output = JsonText.Of(progress.Outputs[i]) });
                    break;
                case IterationStatus.Failed:
                    iterations.Add(new IterationSnapshot { Index = i, Status = "FAILED", Output = JsonText.Of(progress.Outputs[i]) });
                    break;
            }
        }

        return new MapSnapshot
        {
            Items = JsonText.Of(progress.Items),
            Input = JsonText.Of(progress.RawInput),
            MaxConcurrency = progress.MaxConcurrency,
            ToleratedFailureCount = progress.ToleratedFailureCount,
            ToleratedFailurePercentage = progress.ToleratedFailurePercentage,
            Iterations = iterations,
        };
    }

    /// <summary>Rebuilds the live flows of an execution from its saved position.</summary>
    public static void Restore(ExecutionRun run, FrameSnapshot snapshot) => Apply(run.Root, snapshot);

    private static void Apply(Frame frame, FrameSnapshot s)
    {
        frame.StateName = s.StateName;
        frame.StateInput = Parse(s.Input);
        frame.Entered = s.Entered;
        frame.EnteredEventId = s.EnteredEventId;
        frame.EnteredTime = s.EnteredTime;
        frame.RetryCount = s.RetryCount;
        frame.RetrierAttempts = s.RetrierAttempts;
        frame.LastEventId = s.LastEventId;
        frame.WaitUntil = s.WaitUntil;
        if (s.Variables is not null)
        {
            foreach (var (name, value) in s.Variables)
            {
                frame.Variables.Set(name, Parse(value));
            }
        }

        if (s.PendingTask is { } p)
        {
            frame.PendingTask = new PendingTaskProgress { Token = p.Token, Parameters = Parse(p.Parameters), RawInput = frame.StateInput, TimeoutAt = p.TimeoutAt, HeartbeatSeconds = p.HeartbeatSeconds };
        }

        var state = frame.Graph.States[frame.StateName];
        if (s.Parallel is { } parallel && state is ParallelStateNode parallelState)
        {
            var progress = new ParallelProgress(parallelState.Branches.Count) { RawInput = Parse(parallel.Input) };
            for (var i = 0; i < parallel.Branches.Count && i < parallelState.Branches.Count; i++)
            {
                var b = parallel.Branches[i];
                progress.Done[i] = b.Done;
                progress.Outputs[i] = b.Done ? Parse(b.Output) : null;
                if (!b.Done && b.Frame is { } bf)
                {
                    var branch = new Frame(parallelState.Branches[i], new VariableScope(frame.Variables), frame) { Silent = bf.Silent };
                    Apply(branch, bf);
                    progress.Running[i] = branch;
                }
            }

            frame.Parallel = progress;
        }

        if (s.Map is { } map && state is MapStateNode mapState)
        {
            var items = Parse(map.Items) as JsonArray ?? [];
            var progress = new MapProgress(items)
            {
                RawInput = Parse(map.Input),
                MaxConcurrency = map.MaxConcurrency,
                ToleratedFailureCount = map.ToleratedFailureCount,
                ToleratedFailurePercentage = map.ToleratedFailurePercentage,
            };
            foreach (var it in map.Iterations)
            {
                if (it.Index < 0 || it.Index >= items.Count)
                {
                    continue;
                }

                switch (it.Status)
                {
                    case "SUCCEEDED":
                        progress.Status[it.Index] = IterationStatus.Succeeded;
                        progress.Outputs[it.Index] = Parse(it.Output);
                        break;
                    case "FAILED":
                        progress.Status[it.Index] = IterationStatus.Failed;
                        progress.Outputs[it.Index] = Parse(it.Output);
                        break;
                    case "RUNNING" when it.Frame is { } f:
                        var iteration = new Frame(mapState.Processor, new VariableScope(frame.Variables), frame)
                        {
                            MapIndex = it.Index,
                            MapItemValue = items[it.Index],
                            Silent = f.Silent,
                        };
                        Apply(iteration, f);
                        progress.Status[it.Index] = IterationStatus.Running;
                        progress.Running[it.Index] = iteration;
                        break;
                }
            }

            frame.Map = progress;
        }
    }

    private static JsonNode? Parse(string? text) => text is null ? null : JsonText.Parse(text);

    /// <summary>Task tokens the restored flows wait for, so SendTask* calls work as soon as ResumeAsync returns.</summary>
    public static IEnumerable<string> PendingTokens(Frame frame)
    {
        if (frame.PendingTask is { } pending)
        {
            yield return pending.Token;
        }

        foreach (var child in frame.Parallel?.Running ?? [])
        {
            if (child is not null)
            {
                foreach (var token in PendingTokens(child))
                {
                    yield return token;
                }
            }
        }

        foreach (var child in frame.Map?.Running ?? [])
        {
            if (child is not null)
            {
                foreach (var token in PendingTokens(child))
                {
                    yield return token;
                }
            }
        }
    }
}
