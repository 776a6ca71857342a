using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>
/// Runs the states of one execution: a loop per flow (the execution, each Parallel branch, each Map iteration)
/// that enters a state, runs it, records its events and moves to the next one.
/// </summary>
internal sealed partial class Interpreter(ExecutionRun run)
{
    private readonly EngineServices services = run.Services;

    /// <summary>Runs (or resumes) a flow until it ends, fails or is cancelled.</summary>
    public async ValueTask<FlowResult> RunFlowAsync(Frame frame, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = frame.Graph.States[frame.StateName];
            var resuming = frame.Entered;
            if (!resuming)
            {
                Enter(frame, state);
            }

            StepResult step;
            try
            {
                step = await ExecuteStateAsync(frame, state, resuming, cancellationToken).ConfigureAwait(false);
            }
            catch (StatesException ex)
            {
                step = StepResult.Fail(ex.Error, ex.Error == ErrorNames.Runtime ? RuntimeCause(frame, ex.Cause) : ex.Cause);
            }

            if (step.Failed)
            {
                return FlowResult.Failure(step.Error, step.Cause);
            }

            lock (run.Gate)
            {
                frame.Entered = false;
                frame.PendingTask = null;
                frame.WaitUntil = null;
                frame.Parallel = null;
                frame.Map = null;
                frame.RetryCount = 0;
                frame.RetrierAttempts = null;
                if (step.Next is not null)
                {
                    frame.StateName = step.Next;
                    frame.StateInput = step.Output;
                }
            }

            if (step.Next is null)
            {
                return FlowResult.Success(step.Output);
            }

            services.Saver?.Save(run);
        }
    }

    private void Enter(Frame frame, StateNode state)
    {
        var id = run.RecordInline(frame, state.EnteredEvent, state.Name, -1, frame.StateInput, hasPayload: true, payloadIsOutput: false);
        lock (run.Gate)
        {
            frame.Entered = true;
            frame.EnteredEventId = id;
            frame.EnteredTime = services.TimeProvider.GetUtcNow();
            frame.RetryCount = 0;
            frame.RetrierAttempts = null;
        }
    }

    private ValueTask<StepResult> ExecuteStateAsync(Frame frame, StateNode state, bool resuming, CancellationToken cancellationToken) => state switch
    {
        PassStateNode pass => new ValueTask<StepResult>(ExecutePass(frame, pass)),
        ChoiceStateNode choice => new ValueTask<StepResult>(ExecuteChoice(frame, choice)),
        SucceedStateNode succeed => new ValueTask<StepResult>(ExecuteSucceed(frame, succeed)),
        FailStateNode fail => new ValueTask<StepResult>(ExecuteFail(frame, fail)),
        WaitStateNode wait => ExecuteWaitAsync(frame, wait, resuming, cancellationToken),
        TaskStateNode task => ExecuteTaskAsync(frame, task, resuming, cancellationToken),
        ParallelStateNode parallel => ExecuteParallelAsync(frame, parallel, resuming, cancellationToken),
        MapStateNode map => ExecuteMapAsync(frame, map, resuming, cancellationToken),
        _ => throw new InvalidOperationException($"Unknown state type {state.Type}"),
    };

    private static string RuntimeCause(Frame frame, string cause) =>
        cause.StartsWith("An error occurred while executing the state", StringComparison.Ordinal)
            ? cause
            : $"An error occurred while executing the state '{frame.StateName}' (entered at the event id #{frame.EnteredEventId}). {cause}";

    /// <summary>Records the Exited event (with assigned variables) and moves on.</summary>
    private StepResult Exit(Frame frame, StateNode state, JsonNode? output, IReadOnlyDictionary<string, string>? assigned, string? next)
    {
        // Like AWS, a state whose output exceeds the payload quota fails with States.DataLimitExceeded. An output
        // that is the state's own input unchanged was measured when it arrived.
        if (!ReferenceEquals(output, frame.StateInput))
        {
            CheckPayloadSize(output, state.Name);
        }

        if (assigned is null)
        {
            run.RecordInline(frame, state.ExitedEvent, state.Name, -1, output, hasPayload: true, payloadIsOutput: true);
        }
        else
        {
            run.Record(frame, new HistoryEvent { Type = state.ExitedEvent, Name = state.Name, OutputNode = output, AssignedVariables = assigned });
        }

        return StepResult.Continue(next, output);
    }

    private static JsonNode? Detached(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();
}
