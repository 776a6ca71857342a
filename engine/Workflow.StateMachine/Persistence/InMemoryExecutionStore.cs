using System.Collections.Concurrent;
using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Persistence;

/// <summary>
/// A store in process memory. By default it persists nothing (fastest: the engine takes no snapshots); with
/// <c>persistProgress: true</c> it keeps every snapshot, so a second engine over the same instance can resume.
/// </summary>
public sealed class InMemoryExecutionStore(bool persistProgress = false) : IExecutionStore
{
    private readonly ConcurrentDictionary<string, StateMachineRecord> machines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ExecutionSnapshot Snapshot, List<HistoryEvent> History)> executions = new(StringComparer.Ordinal);

    public bool PersistsProgress { get; } = persistProgress;

    public void SaveStateMachine(StateMachineRecord record)
    {
        if (PersistsProgress)
        {
            machines[record.Arn] = record;
        }
    }

    public IReadOnlyList<StateMachineRecord> LoadStateMachines() => [.. machines.Values.OrderBy(m => m.CreationDate)];

    public void SaveExecution(ExecutionSnapshot snapshot)
    {
        if (!PersistsProgress)
        {
            return;
        }

        var entry = executions.GetOrAdd(snapshot.ExecutionArn, _ => (snapshot, []));
        lock (entry.History)
        {
            foreach (var e in snapshot.NewEvents)
            {
                if (e.Id == entry.History.Count + 1)
                {
                    entry.History.Add(e);
                }
            }

            executions[snapshot.ExecutionArn] = (snapshot, entry.History);
        }
    }

    public IReadOnlyList<ExecutionSnapshot> LoadExecutions()
    {
        var result = new List<ExecutionSnapshot>();
        foreach (var (snapshot, history) in executions.Values)
        {
            lock (history)
            {
                result.Add(new ExecutionSnapshot
                {
                    ExecutionArn = snapshot.ExecutionArn,
                    StateMachineArn = snapshot.StateMachineArn,
                    Name = snapshot.Name,
                    Input = snapshot.Input,
                    Status = snapshot.Status,
                    Output = snapshot.Output,
                    Error = snapshot.Error,
                    Cause = snapshot.Cause,
                    StartDate = snapshot.StartDate,
                    StopDate = snapshot.StopDate,
                    Position = snapshot.Position,
                    History = [.. history],
                });
            }
        }

        return [.. result.OrderBy(s => s.StartDate)];
    }
}
