using System.Collections.Concurrent;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.History;

namespace Workflow.Local.StepFunctions;

/// <summary>
/// Names the state of the history events the engine's notice leaves unnamed (Task*, Parallel*, LambdaFunction*), so
/// each log line says which state it belongs to. While no Parallel or Map state is open, the state entered last is
/// the one; inside one, branches and iterations interleave, so the event's <c>previousEventId</c> chain in the recorded
/// history is walked back to the state that holds it.
/// </summary>
internal sealed class ExecutionStateNames(Func<string, IReadOnlyList<HistoryEvent>?> historyOf)
{
    /// <summary>
    /// Beyond this many events a history walk would copy a large history for every unnamed event (quadratic in a big
    /// Map), so the name is left empty rather than slowing the execution.
    /// </summary>
    internal const long HistoryWalkLimit = 2000;

    private readonly ConcurrentDictionary<string, Track> tracks = new(StringComparer.Ordinal);

    public string Resolve(in ExecutionEventNotice notice)
    {
        var track = tracks.GetOrAdd(notice.ExecutionArn, _ => new Track());
        lock (track)
        {
            if (!track.Seeded)
            {
                // A track first seen mid-execution (the runtime restarted) learns the open states from what was recorded.
                track.Seeded = true;
                if (notice.EventType != "ExecutionStarted")
                {
                    Seed(track, notice.ExecutionArn, notice.EventId);
                }
            }

            if (notice.StateName is { } name)
            {
                track.Observe(notice.EventType, name);
                return name;
            }

            if (notice.EventType.StartsWith("Execution", StringComparison.Ordinal))
            {
                return "";
            }

            return track.OpenContainers == 0
                ? track.LastEntered ?? ""
                : FromHistory(notice.ExecutionArn, notice.EventId, notice.EventType) ?? "";
        }
    }

    public void Forget(string executionArn) => tracks.TryRemove(executionArn, out _);

    private void Seed(Track track, string executionArn, long beforeEventId)
    {
        foreach (var recorded in SafeHistory(executionArn) ?? [])
        {
            if (recorded.Id < beforeEventId && recorded.Name is { } name)
            {
                track.Observe(recorded.Type, name);
            }
        }
    }

    private string? FromHistory(string executionArn, long eventId, string eventType)
    {
        if (eventId > HistoryWalkLimit || SafeHistory(executionArn) is not { } history)
        {
            return null;
        }

        Func<string, bool> holder = eventType.StartsWith("Parallel", StringComparison.Ordinal)
            ? type => type == "ParallelStateEntered"
            : type => type.EndsWith("StateEntered", StringComparison.Ordinal);
        var current = Find(history, eventId);
        for (var steps = 0; current is not null && steps < history.Count; steps++)
        {
            current = Find(history, current.PreviousEventId);
            if (current is not null && holder(current.Type))
            {
                return current.Name;
            }
        }

        return null;
    }

    private static HistoryEvent? Find(IReadOnlyList<HistoryEvent> history, long eventId)
    {
        // Event ids are positions in the history (1-based), so the direct index is right unless the copy is partial.
        var index = eventId - 1;
        if (index >= 0 && index < history.Count && history[(int)index].Id == eventId)
        {
            return history[(int)index];
        }

        return eventId > 0 ? history.FirstOrDefault(e => e.Id == eventId) : null;
    }

    private IReadOnlyList<HistoryEvent>? SafeHistory(string executionArn)
    {
        try
        {
            return historyOf(executionArn);
        }
        catch (StepFunctionsApiException)
        {
            // The execution is still being registered while its first events are recorded: nothing to read yet.
            return null;
        }
    }

    private sealed class Track
    {
        public bool Seeded;
        public string? LastEntered;
        public int OpenContainers;

        public void Observe(string eventType, string name)
        {
            if (eventType.EndsWith("StateEntered", StringComparison.Ordinal))
            {
                LastEntered = name;
                if (eventType is "ParallelStateEntered" or "MapStateEntered")
                {
                    OpenContainers++;
                }
            }
            else if (eventType is "ParallelStateExited" or "MapStateExited")
            {
                OpenContainers = Math.Max(0, OpenContainers - 1);
            }
        }
    }
}
