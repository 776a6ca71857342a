using Workflow.StateMachine.Persistence;
using Workflow.StateMachine.Tasks;

namespace Workflow.StateMachine.Api;

public sealed class StateMachineEngineOptions
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public IExecutionStore Store { get; init; } = new InMemoryExecutionStore();

    public TaskHandlerRegistry Handlers { get; init; } = new();

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>Called after every history event of every execution (state transitions, task events, ...).</summary>
    public IExecutionObserver? Observer { get; init; }

    /// <summary>Optional source of randomness for retry jitter (tests pass a seeded one).</summary>
    public Random? Random { get; init; }

    /// <summary>
    /// The largest payload (state input/output, task result) in UTF-8 bytes; larger ones fail with
    /// <c>States.DataLimitExceeded</c>. AWS: 256 KiB.
    /// </summary>
    public int PayloadSizeLimit { get; init; } = 262_144;

    /// <summary>
    /// When a Task's resource has no registered handler: <c>null</c> (default) fails the task with
    /// <c>States.TaskFailed</c>; otherwise this handler runs (e.g. an echo handler in the CLI).
    /// </summary>
    public ITaskHandler? FallbackHandler { get; init; }

    /// <summary>
    /// How many closed executions stay describable (oldest are forgotten first); <c>null</c> keeps all.
    /// Long-running hosts and benchmarks set it to bound memory.
    /// </summary>
    public int? MaxRetainedClosedExecutions { get; init; }
}
