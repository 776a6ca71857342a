using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Expressions;

namespace Workflow.StateMachine.Definition;

/// <summary>A parsed, validated and immutable set of states: a whole state machine, a Parallel branch or a Map processor.</summary>
public sealed class StatesGraph
{
    internal StatesGraph(string startAt, FrozenDictionary<string, StateNode> states, string? comment, int? timeoutSeconds)
    {
        StartAt = startAt;
        States = states;
        Comment = comment;
        TimeoutSeconds = timeoutSeconds;
    }

    public string StartAt { get; }

    public FrozenDictionary<string, StateNode> States { get; }

    public string? Comment { get; }

    public int? TimeoutSeconds { get; }

    public StateNode Start => States[StartAt];
}

/// <summary><c>InputPath</c>/<c>OutputPath</c>: absent means <c>$</c>, JSON null means "pass <c>{}</c>".</summary>
public sealed class DataPath
{
    public static readonly DataPath Root = new(null, false);
    public static readonly DataPath Null = new(null, true);

    internal DataPath(JsonPathExpression? path, bool isNull)
    {
        Path = path;
        IsNull = isNull;
    }

    public JsonPathExpression? Path { get; }

    public bool IsNull { get; }

    public bool IsRoot => Path is null && !IsNull;
}

/// <summary>A <c>ResultPath</c>: absent means <c>$</c> (replace), JSON null means "discard the result".</summary>
public readonly record struct ResultPathSpec(string? Path, bool IsNull)
{
    public static readonly ResultPathSpec Default = new("$", false);
}

public enum StateType
{
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

/// <summary>Fields every state has; the type-specific subclasses add theirs.</summary>
public abstract class StateNode
{
    protected StateNode(string name, StateType type) => (Name, Type) = (name, type);

    public string Name { get; }

    public StateType Type { get; }

    public string? Comment { get; internal init; }

    public string? Next { get; internal init; }

    public bool End { get; internal init; }

    public DataPath InputPath { get; internal init; } = DataPath.Root;

    public DataPath OutputPath { get; internal init; } = DataPath.Root;

    public PayloadTemplate? Assign { get; internal init; }

    /// <summary>The compiled JSONata fields when the state's QueryLanguage is JSONata; null for JSONPath states.</summary>
    public JsonataStateFields? Jsonata { get; internal init; }

    /// <summary>True when some field of the state reads the context object (<c>$$</c>), so it must be built.</summary>
    public bool UsesContext { get; internal set; }

    /// <summary>History event prefix, e.g. <c>Pass</c> for <c>PassStateEntered</c>.</summary>
    internal string EnteredEvent { get; init; } = "";

    internal string ExitedEvent { get; init; } = "";
}

/// <summary>States that may carry Retry and Catch (Task, Parallel, Map).</summary>
public abstract class RecoverableStateNode(string name, StateType type) : StateNode(name, type)
{
    public IReadOnlyList<Retrier> Retry { get; internal init; } = [];

    public IReadOnlyList<Catcher> Catch { get; internal init; } = [];

    public PayloadTemplate? Parameters { get; internal init; }

    public PayloadTemplate? ResultSelector { get; internal init; }

    public ResultPathSpec ResultPath { get; internal init; } = ResultPathSpec.Default;
}

public sealed class PassStateNode(string name) : StateNode(name, StateType.Pass)
{
    public JsonNode? Result { get; internal init; }

    public bool HasResult { get; internal init; }

    public PayloadTemplate? Parameters { get; internal init; }

    public ResultPathSpec ResultPath { get; internal init; } = ResultPathSpec.Default;
}

public enum IntegrationPattern
{
    RequestResponse,
    Sync,
    WaitForTaskToken,
}

public sealed class TaskStateNode(string name) : RecoverableStateNode(name, StateType.Task)
{
    public required string Resource { get; init; }

    public required ResourceDescriptor ResourceInfo { get; init; }

    public int? TimeoutSeconds { get; internal init; }

    public JsonPathExpression? TimeoutSecondsPath { get; internal init; }

    public int? HeartbeatSeconds { get; internal init; }

    public JsonPathExpression? HeartbeatSecondsPath { get; internal init; }

    public PayloadTemplate? Credentials { get; internal init; }
}

public sealed class ChoiceStateNode(string name) : StateNode(name, StateType.Choice)
{
    public required IReadOnlyList<ChoiceBranch> Choices { get; init; }

    public string? Default { get; internal init; }
}

public sealed class WaitStateNode(string name) : StateNode(name, StateType.Wait)
{
    public long? Seconds { get; internal init; }

    public DateTimeOffset? Timestamp { get; internal init; }

    public JsonPathExpression? SecondsPath { get; internal init; }

    public string? SecondsPathText { get; internal init; }

    public JsonPathExpression? TimestampPath { get; internal init; }

    public string? TimestampPathText { get; internal init; }
}

public sealed class SucceedStateNode(string name) : StateNode(name, StateType.Succeed);

public sealed class FailStateNode(string name) : StateNode(name, StateType.Fail)
{
    public string? Error { get; internal init; }

    public string? Cause { get; internal init; }

    public JsonPathExpression? ErrorPath { get; internal init; }

    public string? ErrorPathText { get; internal init; }

    public JsonPathExpression? CausePath { get; internal init; }

    public string? CausePathText { get; internal init; }
}

public sealed class ParallelStateNode(string name) : RecoverableStateNode(name, StateType.Parallel)
{
    public required IReadOnlyList<StatesGraph> Branches { get; init; }
}

public sealed class MapStateNode(string name) : RecoverableStateNode(name, StateType.Map)
{
    public required StatesGraph Processor { get; init; }

    public bool Distributed { get; internal init; }

    public JsonPathExpression? ItemsPath { get; internal init; }

    public string ItemsPathText { get; internal init; } = "$";

    /// <summary><c>ItemSelector</c> or the legacy <c>Parameters</c>.</summary>
    public PayloadTemplate? ItemSelector { get; internal init; }

    public int MaxConcurrency { get; internal init; }

    public JsonPathExpression? MaxConcurrencyPath { get; internal init; }

    public string? MaxConcurrencyPathText { get; internal init; }

    public int? ToleratedFailureCount { get; internal init; }

    public JsonPathExpression? ToleratedFailureCountPath { get; internal init; }

    public string? ToleratedFailureCountPathText { get; internal init; }

    public double? ToleratedFailurePercentage { get; internal init; }

    public JsonPathExpression? ToleratedFailurePercentagePath { get; internal init; }

    public string? ToleratedFailurePercentagePathText { get; internal init; }

    public ItemBatcherSpec? ItemBatcher { get; internal init; }
}

public sealed class ItemBatcherSpec
{
    public int? MaxItemsPerBatch { get; internal init; }

    public JsonPathExpression? MaxItemsPerBatchPath { get; internal init; }

    public int? MaxInputBytesPerBatch { get; internal init; }

    public JsonPathExpression? MaxInputBytesPerBatchPath { get; internal init; }

    public PayloadTemplate? BatchInput { get; internal init; }
}

public enum JitterStrategy
{
    None,
    Full,
}

public sealed class Retrier
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public double IntervalSeconds { get; init; } = 1;

    public int MaxAttempts { get; init; } = 3;

    public double BackoffRate { get; init; } = 2.0;

    public int? MaxDelaySeconds { get; init; }

    public JitterStrategy Jitter { get; init; }
}

public sealed class Catcher
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public required string Next { get; init; }

    public ResultPathSpec ResultPath { get; init; } = ResultPathSpec.Default;

    public PayloadTemplate? Assign { get; init; }
}

/// <summary>A top-level Choice rule with its target and the variables it assigns when it matches.</summary>
public sealed class ChoiceBranch
{
    /// <summary>The JSONPath rule; null in a JSONata Choice, which has <see cref="Condition"/> instead.</summary>
    public ChoiceRule? Rule { get; init; }

    /// <summary>A JSONata Choice rule's Condition; its Output and Assign are in <see cref="Jsonata"/>.</summary>
    public Expressions.Jsonata.JsonataTemplate? Condition { get; init; }

    public JsonataStateFields? Jsonata { get; init; }

    public required string Next { get; init; }

    public PayloadTemplate? Assign { get; init; }
}
