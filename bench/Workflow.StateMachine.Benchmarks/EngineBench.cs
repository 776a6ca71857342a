using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Persistence;
using Workflow.StateMachine.Tasks;

namespace Workflow.StateMachine.Benchmarks;

/// <summary>
/// Runs one definition through <see cref="StateMachineEngine"/> with a non-persistent in-memory store and a local
/// Task handler that returns its input: warm-up, a sequential phase (latency) and a concurrent phase (throughput).
/// Every execution must succeed with the output of the first one, so speed never comes from a broken run.
/// </summary>
public sealed class EngineBench(BenchCase benchCase, BenchOptions options)
{
    public const string EngineName = "Workflow.StateMachine";

    private const string RoleArn = "arn:aws:iam::123456789012:role/bench";

    public async Task<DefinitionResult> RunAsync()
    {
        var handlers = new TaskHandlerRegistry().Register("*", new IdentityTaskHandler());
        await using var engine = new StateMachineEngine(new StateMachineEngineOptions
        {
            Store = new InMemoryExecutionStore(persistProgress: false),
            Handlers = handlers,
            MaxRetainedClosedExecutions = options.RetainClosed > 0 ? options.RetainClosed : null,
        });
        var machineArn = engine.CreateStateMachine("bench-" + benchCase.Name, benchCase.DefinitionJson, RoleArn).Arn;

        var expected = await ExecuteAsync(engine, machineArn, expectedOutput: null).ConfigureAwait(false);
        var runner = new PhaseRunner(async () => await ExecuteAsync(engine, machineArn, expected).ConfigureAwait(false));
        var duration = TimeSpan.FromSeconds(options.DurationSeconds);

        var warmup = await runner.WarmUpAsync(options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds)).ConfigureAwait(false);
        var sequential = await runner.RunAsync(1, options.Executions, duration).ConfigureAwait(false);
        var concurrent = await runner.RunAsync(options.Concurrency, options.Executions, duration).ConfigureAwait(false);
        return new DefinitionResult
        {
            Engine = EngineName,
            Definition = benchCase.Name,
            WarmupExecutions = warmup + 1,
            Sequential = sequential,
            Concurrent = concurrent,
            PeakMemoryBytes = ProcessMemory.PeakResidentBytes(),
            Output = expected,
        };
    }

    private async Task<string> ExecuteAsync(StateMachineEngine engine, string machineArn, string? expectedOutput)
    {
        var execution = await engine.StartExecutionAsync(machineArn, name: null, benchCase.InputJson).ConfigureAwait(false);
        var done = await engine.WaitForCompletionAsync(execution.ExecutionArn).ConfigureAwait(false);
        if (done.Status != ExecutionStatus.Succeeded || done.Output is null)
        {
            throw new InvalidOperationException($"{benchCase.Name}: execution {done.ExecutionArn} ended {done.Status.ToApiName()} ({done.Error}: {done.Cause})");
        }

        if (expectedOutput is not null && done.Output != expectedOutput && !JsonNode.DeepEquals(JsonNode.Parse(done.Output), JsonNode.Parse(expectedOutput)))
        {
            throw new InvalidOperationException($"{benchCase.Name}: execution {done.ExecutionArn} produced another output than the first execution");
        }

        return done.Output;
    }
}

/// <summary>The local Task handler of the benchmark: the task's result is its input.</summary>
public sealed class IdentityTaskHandler : ITaskHandler
{
    public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(invocation.Payload);
}
