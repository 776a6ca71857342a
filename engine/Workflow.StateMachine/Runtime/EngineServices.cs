using Workflow.StateMachine.Api;
using Workflow.StateMachine.Definition;
using Workflow.StateMachine.Persistence;
using Workflow.StateMachine.Tasks;

namespace Workflow.StateMachine.Runtime;

/// <summary>What every running execution shares with the engine (all thread-safe).</summary>
internal sealed class EngineServices(StateMachineEngineOptions options)
{
    public TimeProvider TimeProvider { get; } = options.TimeProvider;

    public TaskHandlerRegistry Handlers { get; } = options.Handlers;

    public ITaskHandler? FallbackHandler { get; } = options.FallbackHandler;

    public IExecutionStore Store { get; } = options.Store;

    public IExecutionObserver? Observer { get; } = options.Observer;

    public ArnFormatter Arns { get; } = new(options.Region, options.AccountId);

    public string Region { get; } = options.Region;

    public int PayloadSizeLimit { get; } = options.PayloadSizeLimit;

    public Random Random { get; } = options.Random ?? Random.Shared;

    public TaskTokenRegistry Tokens { get; } = new();

    public ProgressSaver? Saver { get; set; }
}

/// <summary>A created state machine: its record and its parsed definition.</summary>
internal sealed record StateMachineEntry(string Arn, string Name, string Definition, string RoleArn, StateMachineType Type, StatesGraph Graph, DateTimeOffset CreationDate, DateTimeOffset UpdateDate, string RevisionId)
{
    public StateMachineInfo ToInfo() => new(Arn, Name, Definition, RoleArn, Type, CreationDate, UpdateDate, RevisionId);
}

internal sealed class ArnFormatter(string region, string accountId)
{
    public string StateMachine(string name) => $"arn:aws:states:{region}:{accountId}:stateMachine:{name}";

    public string Execution(string stateMachineName, string executionName) => $"arn:aws:states:{region}:{accountId}:execution:{stateMachineName}:{executionName}";
}
