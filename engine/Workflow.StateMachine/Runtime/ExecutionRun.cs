using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Runtime;

/// <summary>
/// One execution: its record, history and live position. All mutable fields are guarded by <see cref="Gate"/>,
/// which is private to this execution, so executions never contend with each other.
/// </summary>
internal sealed class ExecutionRun
{
    private readonly HistoryLog history = new();
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ExecutionRun(EngineServices services, StateMachineEntry machine, string name, string input, JsonNode? inputNode, DateTimeOffset startDate)
    {
        Services = services;
        Machine = machine;
        Name = name;
        Input = input;
        InputNode = inputNode;
        StartDate = startDate;
        Arn = services.Arns.Execution(machine.Name, name);
        Root = new Frame(machine.Graph, new VariableScope(null), null);
    }

    public EngineServices Services { get; }

    public StateMachineEntry Machine { get; }

    public string Arn { get; }

    public string Name { get; }

    public string Input { get; }

    public JsonNode? InputNode { get; }

    public DateTimeOffset StartDate { get; }

    public Lock Gate { get; } = new();

    public Lock SaveGate { get; } = new();

    private int savedEvents;

    /// <summary>Events recorded since the last save (call under <see cref="Gate"/>).</summary>
    public HistoryEvent[] TakeUnsavedEvents()
    {
        var events = history.Count == savedEvents ? [] : history.CopyFrom(savedEvents);
        savedEvents = history.Count;
        return events;
    }

    public Frame Root { get; }

    public ExecutionStatus Status { get; private set; } = ExecutionStatus.Running;

    public string? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    public DateTimeOffset? StopDate { get; private set; }

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Set when the engine shuts down: the flows stop where they are, nothing more is recorded or saved.</summary>
    public bool Detached { get; private set; }

    public void Detach()
    {
        lock (Gate)
        {
            Detached = true;
        }
    }

    /// <summary>Set before <see cref="Cancellation"/> is cancelled, to say why the flows unwind.</summary>
    public ExecutionStatus? StopReason { get; set; }

    public (string? Error, string? Cause) StopDetails { get; set; }

    public Task Completion => completion.Task;

    public JsonObject? ContextExecution { get; set; }

    public ExecutionInfo Describe()
    {
        lock (Gate)
        {
            return new ExecutionInfo(Arn, Machine.Arn, Name, Status, StartDate, StopDate, Input, Output, Error, Cause);
        }
    }

    public HistoryEvent[] HistorySnapshot()
    {
        lock (Gate)
        {
            return history.CopyFrom(0);
        }
    }

    public int HistoryCount
    {
        get
        {
            lock (Gate)
            {
                return history.Count;
            }
        }
    }

    /// <summary>Restores events recorded before a restart.</summary>
    public void LoadHistory(IEnumerable<HistoryEvent> events)
    {
        lock (Gate)
        {
            history.AddRange(events);
            savedEvents = history.Count;
        }
    }

    public long Record(Frame? frame, HistoryEvent template)
    {
        if (Detached || frame is { Silent: true } || (Status != ExecutionStatus.Running && !template.Type.StartsWith("Execution", StringComparison.Ordinal)))
        {
            return frame?.LastEventId ?? 0;
        }

        HistoryEvent recorded;
        lock (Gate)
        {
            var id = history.Count + 1;
            var previous = frame?.LastEventId ?? (id - 1);
            recorded = template;
            recorded.Stamp(id, previous, Services.TimeProvider.GetUtcNow());
            history.Add(recorded);
            if (frame is not null)
            {
                frame.LastEventId = id;
            }
        }

        Services.Observer?.OnEvent(new ExecutionEventNotice(Arn, recorded.Type, recorded.Name, recorded.Id));
        return recorded.Id;
    }

    /// <summary>
    /// Records an event made of type, state name, iteration index (-1: none) and at most one payload node without
    /// building an event object (the common case: state entered/exited, Map iteration events).
    /// </summary>
    public long RecordInline(Frame frame, string type, string? name, int index, JsonNode? payload, bool hasPayload, bool payloadIsOutput)
    {
        if (Detached || frame.Silent || Status != ExecutionStatus.Running)
        {
            return frame.LastEventId;
        }

        long id;
        lock (Gate)
        {
            id = history.AddInline(type, name, index, hasPayload ? HistoryEvent.NodeSlot(payload) : null, payloadIsOutput, frame.LastEventId, Services.TimeProvider.GetUtcNow().UtcTicks);
            frame.LastEventId = id;
        }

        Services.Observer?.OnEvent(new ExecutionEventNotice(Arn, type, name, id));
        return id;
    }

    /// <summary>Closes the execution once; later calls (e.g. a stop racing a success) are ignored.</summary>
    public bool TryFinish(ExecutionStatus status, string? output, string? error, string? cause, HistoryEvent closingEvent)
    {
        lock (Gate)
        {
            if (Status != ExecutionStatus.Running)
            {
                return false;
            }

            Status = status;
            Output = output;
            Error = error;
            Cause = cause;
            StopDate = Services.TimeProvider.GetUtcNow();
        }

        Record(null, closingEvent);
        return true;
    }

    /// <summary>Restores a closed status loaded from the store.</summary>
    public void RestoreClosed(ExecutionStatus status, string? output, string? error, string? cause, DateTimeOffset? stopDate)
    {
        lock (Gate)
        {
            Status = status;
            Output = output;
            Error = error;
            Cause = cause;
            StopDate = stopDate;
        }

        completion.TrySetResult();
    }

    public void Completed() => completion.TrySetResult();
}
