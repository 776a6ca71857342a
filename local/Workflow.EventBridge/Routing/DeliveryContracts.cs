namespace Workflow.EventBridge;

/// <summary>What a delivery is about: the event, the rule and target, and which attempt this is (1-based).</summary>
public sealed record EventDelivery(
    string EventId,
    string EventJson,
    EventRule Rule,
    RuleTarget Target,
    int Attempt,
    DateTimeOffset IngestionTime);

/// <summary>Supplied by the host: delivers the (transformed) input to the target, throwing on failure.</summary>
public interface ITargetInvoker
{
    Task InvokeAsync(RuleTarget target, string transformedInputJson, EventDelivery context, CancellationToken cancellationToken);
}

/// <summary>
/// Thrown by an invoker to give the failure an AWS error code; <see cref="Retryable"/> false sends the event to the
/// dead-letter queue at once (AWS does not retry, for example, a missing target or missing permissions).
/// </summary>
public sealed class TargetInvocationException(string errorCode, string message, bool retryable = true, Exception? inner = null)
    : Exception(message, inner)
{
    public string ErrorCode { get; } = errorCode;

    public bool Retryable { get; } = retryable;
}

/// <summary>An event that could not be delivered, with the message attributes AWS puts on dead-letter messages.</summary>
public sealed record DeadLetterMessage(string DeadLetterArn, string Body, IReadOnlyDictionary<string, string> Attributes, EventDelivery Delivery);

/// <summary>Supplied by the host: stores dead-lettered events (an SQS queue in AWS).</summary>
public interface IDeadLetterSink
{
    Task SendAsync(DeadLetterMessage message, CancellationToken cancellationToken);
}

public enum DeliveryOutcome
{
    Delivered,
    Retrying,
    DeadLettered,
    Dropped,
}

/// <summary>One structured log record per delivery attempt outcome.</summary>
public sealed record DeliveryLogEntry(
    string EventId,
    string RuleName,
    string TargetId,
    string TargetArn,
    int Attempt,
    DeliveryOutcome Outcome,
    string? ErrorCode,
    string? ErrorMessage,
    TimeSpan? NextAttemptIn)
{
    /// <summary>The entry as one compact JSON log line (members with no value are left out).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("eventId", EventId);
            writer.WriteString("rule", RuleName);
            writer.WriteString("targetId", TargetId);
            writer.WriteString("targetArn", TargetArn);
            writer.WriteNumber("attempt", Attempt);
            writer.WriteString("outcome", Outcome.ToString());
            if (ErrorCode is not null)
            {
                writer.WriteString("errorCode", ErrorCode);
            }
            if (ErrorMessage is not null)
            {
                writer.WriteString("errorMessage", ErrorMessage);
            }
            if (NextAttemptIn is { } next)
            {
                writer.WriteNumber("nextAttemptInMs", (long)next.TotalMilliseconds);
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>Observer hook for structured logging of routing and delivery.</summary>
public interface IEventRouterObserver
{
    void OnEventReceived(string eventId, string busName, IReadOnlyList<string> matchedRules);

    void OnDelivery(DeliveryLogEntry entry);
}
