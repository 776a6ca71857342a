using Workflow.StateMachine.History;

namespace Workflow.StateMachine.Persistence;

/// <summary>A created state machine as the store keeps it.</summary>
public sealed class StateMachineRecord
{
    public required string Arn { get; init; }

    public required string Name { get; init; }

    public required string Definition { get; init; }

    public required string RoleArn { get; init; }

    /// <summary><c>STANDARD</c> or <c>EXPRESS</c>.</summary>
    public required string Type { get; init; }

    public DateTimeOffset CreationDate { get; init; }

    public DateTimeOffset UpdateDate { get; init; }

    public required string RevisionId { get; init; }
}

/// <summary>
/// The resumable state of one execution after a transition: its record, where each of its flows stands
/// (<see cref="Position"/>, null once closed) and the history events recorded since the previous save.
/// </summary>
public sealed class ExecutionSnapshot
{
    public required string ExecutionArn { get; init; }

    public required string StateMachineArn { get; init; }

    public required string Name { get; init; }

    public required string Input { get; init; }

    /// <summary><c>RUNNING</c>, <c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMED_OUT</c> or <c>ABORTED</c>.</summary>
    public required string Status { get; init; }

    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }

    public FrameSnapshot? Position { get; init; }

    /// <summary>Events not given to the store before, in order; their ids continue the stored history.</summary>
    public IReadOnlyList<HistoryEvent> NewEvents { get; init; } = [];

    /// <summary>The full history, filled in by stores when loading.</summary>
    public IReadOnlyList<HistoryEvent>? History { get; init; }
}

/// <summary>Where one flow (the execution, a branch, an iteration) stands. Payloads are JSON text.</summary>
public sealed class FrameSnapshot
{
    public required string StateName { get; init; }

    public string? Input { get; init; }

    public bool Entered { get; init; }

    public long EnteredEventId { get; init; }

    public DateTimeOffset EnteredTime { get; init; }

    public int RetryCount { get; init; }

    public int[]? RetrierAttempts { get; init; }

    public long LastEventId { get; init; }

    /// <summary>Variables assigned in this flow's own scope: name → JSON text.</summary>
    public Dictionary<string, string>? Variables { get; init; }

    public int? MapIndex { get; init; }

    public string? MapItemValue { get; init; }

    public bool Silent { get; init; }

    public PendingTaskSnapshot? PendingTask { get; init; }

    public DateTimeOffset? WaitUntil { get; init; }

    public ParallelSnapshot? Parallel { get; init; }

    public MapSnapshot? Map { get; init; }
}

public sealed class PendingTaskSnapshot
{
    public required string Token { get; init; }

    public string? Parameters { get; init; }

    public DateTimeOffset? TimeoutAt { get; init; }

    public long? HeartbeatSeconds { get; init; }
}

public sealed class ParallelSnapshot
{
    public string? Input { get; init; }

    public required List<BranchSnapshot> Branches { get; init; }
}

public sealed class BranchSnapshot
{
    public bool Done { get; init; }

    public string? Output { get; init; }

    public FrameSnapshot? Frame { get; init; }
}

public sealed class MapSnapshot
{
    public required string Items { get; init; }

    public string? Input { get; init; }

    public int MaxConcurrency { get; init; }

    public int ToleratedFailureCount { get; init; }

    public double ToleratedFailurePercentage { get; init; }

    /// <summary>Iterations that started (pending ones are absent).</summary>
    public required List<IterationSnapshot> Iterations { get; init; }
}

public sealed class IterationSnapshot
{
    public int Index { get; init; }

    /// <summary><c>RUNNING</c>, <c>SUCCEEDED</c> or <c>FAILED</c>.</summary>
    public required string Status { get; init; }

    public string? Output { get; init; }

    public FrameSnapshot? Frame { get; init; }
}
