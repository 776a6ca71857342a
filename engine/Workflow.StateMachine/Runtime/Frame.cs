using System.Text.Json.Nodes;
using Workflow.StateMachine.Definition;

namespace Workflow.StateMachine.Runtime;

/// <summary>
/// One flow of control: the execution itself, a Parallel branch or a Map iteration. Its fields are the resumable
/// position (current state, its input, retry count, what it waits for); they change only under the execution's gate.
/// </summary>
internal sealed class Frame(StatesGraph graph, VariableScope variables, Frame? parent)
{
    public StatesGraph Graph { get; } = graph;

    public VariableScope Variables { get; } = variables;

    public Frame? Parent { get; } = parent;

    public int? MapIndex { get; init; }

    /// <summary>Flows of a distributed Map run as child executions: their events are not in this history.</summary>
    public bool Silent { get; init; }

    public JsonNode? MapItemValue { get; init; }

    public string StateName { get; set; } = graph.StartAt;

    public JsonNode? StateInput { get; set; }

    /// <summary>True once the current state's Entered event is recorded and until it exits.</summary>
    public bool Entered { get; set; }

    public long EnteredEventId { get; set; }

    public DateTimeOffset EnteredTime { get; set; }

    public int RetryCount { get; set; }

    /// <summary>Attempts made so far per retrier of the current state.</summary>
    public int[]? RetrierAttempts { get; set; }

    /// <summary>Id of the last event this flow recorded (AWS's previousEventId chain).</summary>
    public long LastEventId { get; set; }

    public PendingTaskProgress? PendingTask { get; set; }

    public DateTimeOffset? WaitUntil { get; set; }

    public ParallelProgress? Parallel { get; set; }

    public MapProgress? Map { get; set; }
}

/// <summary>A Task waiting for its task token to come back.</summary>
internal sealed class PendingTaskProgress
{
    public required string Token { get; init; }

    public required JsonNode? Parameters { get; init; }

    public required JsonNode? RawInput { get; init; }

    public DateTimeOffset? TimeoutAt { get; init; }

    public long? HeartbeatSeconds { get; init; }
}

internal sealed class ParallelProgress(int count)
{
    public Frame?[] Running { get; } = new Frame?[count];

    public JsonNode?[] Outputs { get; } = new JsonNode?[count];

    public bool[] Done { get; } = new bool[count];

    public JsonNode? RawInput { get; set; }
}

internal enum IterationStatus : byte
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

internal sealed class MapProgress(JsonArray items)
{
    public JsonArray Items { get; } = items;

    public IterationStatus[] Status { get; } = new IterationStatus[items.Count];

    public JsonNode?[] Outputs { get; } = new JsonNode?[items.Count];

    public Frame?[] Running { get; } = new Frame?[items.Count];

    public JsonNode? RawInput { get; set; }

    public int MaxConcurrency { get; set; }

    public int ToleratedFailureCount { get; set; } = -1;

    public double ToleratedFailurePercentage { get; set; } = -1;
}
