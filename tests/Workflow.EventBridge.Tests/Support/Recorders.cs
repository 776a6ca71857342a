using System.Collections.Concurrent;

namespace Workflow.EventBridge.Tests.Support;

public sealed record Invocation(RuleTarget Target, string Input, EventDelivery Context);

/// <summary>Records invocations; fails the first <see cref="FailuresBeforeSuccess"/> attempts (int.MaxValue: always).</summary>
public sealed class RecordingInvoker : ITargetInvoker
{
    public ConcurrentQueue<Invocation> Invocations { get; } = new();

    public int FailuresBeforeSuccess { get; init; }

    public Func<Exception> Failure { get; init; } = () => new InvalidOperationException("target unavailable");

    public Task InvokeAsync(RuleTarget target, string transformedInputJson, EventDelivery context, CancellationToken cancellationToken)
    {
        Invocations.Enqueue(new Invocation(target, transformedInputJson, context));
        return context.Attempt <= FailuresBeforeSuccess ? Task.FromException(Failure()) : Task.CompletedTask;
    }
}

public sealed class RecordingDeadLetterSink : IDeadLetterSink
{
    public ConcurrentQueue<DeadLetterMessage> Messages { get; } = new();

    public Task SendAsync(DeadLetterMessage message, CancellationToken cancellationToken)
    {
        Messages.Enqueue(message);
        return Task.CompletedTask;
    }
}

public sealed class RecordingObserver : IEventRouterObserver
{
    public ConcurrentQueue<DeliveryLogEntry> Deliveries { get; } = new();

    public ConcurrentQueue<(string EventId, string Bus, IReadOnlyList<string> Rules)> Received { get; } = new();

    public void OnDelivery(DeliveryLogEntry entry) => Deliveries.Enqueue(entry);

    public void OnEventReceived(string eventId, string busName, IReadOnlyList<string> matchedRules) =>
        Received.Enqueue((eventId, busName, matchedRules));
}
