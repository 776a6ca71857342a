using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Workflow.StateMachine.Api;
using Workflow.StateMachine.Persistence;
using Workflow.StateMachine.Tasks;

namespace Workflow.StateMachine.Tests.Support;

/// <summary>Builds engines on a virtual clock with handlers that record what they saw.</summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    public EngineFixture(IExecutionStore? store = null, IExecutionObserver? observer = null, bool autoAdvanceClock = true)
    {
        Clock = new VirtualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), autoAdvanceClock);
        Handlers = new TaskHandlerRegistry();
        Handlers.Register("arn:aws:states:::test:echo", (invocation, _) => ValueTask.FromResult(invocation.Payload?.DeepClone()));
        Handlers.Register("arn:aws:states:::test:callback", (invocation, _) =>
        {
            Tokens.Enqueue(invocation.TaskToken!);
            return ValueTask.FromResult<JsonNode?>(new JsonObject { ["queued"] = true });
        });
        Engine = Create(store ?? new InMemoryExecutionStore(), observer);
    }

    public VirtualTimeProvider Clock { get; }

    public TaskHandlerRegistry Handlers { get; }

    public ConcurrentQueue<string> Tokens { get; } = new();

    public StateMachineEngine Engine { get; private set; }

    public StateMachineEngine Create(IExecutionStore store, IExecutionObserver? observer = null) => new(new StateMachineEngineOptions
    {
        TimeProvider = Clock,
        Store = store,
        Handlers = Handlers,
        Observer = observer,
        Random = new Random(1),
    });

    public async Task RestartAsync(IExecutionStore store)
    {
        await Engine.DisposeAsync();
        Engine = Create(store);
    }

    public async Task<ExecutionInfo> RunAsync(string definition, string input = "{}", string name = "machine")
    {
        var machine = Engine.CreateStateMachine(name, definition, "arn:aws:iam::123456789012:role/test");
        var started = await Engine.StartExecutionAsync(machine.Arn, null, input);
        return await CompleteAsync(started.ExecutionArn);
    }

    public async Task<ExecutionInfo> CompleteAsync(string executionArn)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await Engine.WaitForCompletionAsync(executionArn, deadline.Token);
    }

    /// <summary>Polls (no sleeping on the test's side) until the condition holds or 30 s pass.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Condition not reached within 30 s");
            }

            await Task.Yield();
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Clock.Dispose();
    }
}
