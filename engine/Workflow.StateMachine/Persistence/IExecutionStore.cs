namespace Workflow.StateMachine.Persistence;

/// <summary>
/// Where the engine keeps state machines and executions so a new engine over the same store can resume
/// unfinished executions. Implementations must be thread-safe; the engine calls them synchronously after transitions.
/// </summary>
public interface IExecutionStore
{
    /// <summary>False for a store that keeps nothing between engine instances: the engine then skips snapshots entirely.</summary>
    bool PersistsProgress { get; }

    void SaveStateMachine(StateMachineRecord record);

    IReadOnlyList<StateMachineRecord> LoadStateMachines();

    /// <summary>Upserts the execution record and position, and appends <see cref="ExecutionSnapshot.NewEvents"/> to its history.</summary>
    void SaveExecution(ExecutionSnapshot snapshot);

    /// <summary>All executions with their full <see cref="ExecutionSnapshot.History"/>.</summary>
    IReadOnlyList<ExecutionSnapshot> LoadExecutions();
}
