using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Workflow.EventBridge;
using Workflow.Local.Hosting;
using Workflow.Local.StepFunctions;

namespace Workflow.Local.EventBridgeService;

/// <summary>
/// Stands in for the SQS dead-letter queues of rule targets: each queue is a JSON-lines file
/// <c>&lt;data dir&gt;/queues/&lt;queue name&gt;.jsonl</c>, one message (body, AWS's message attributes, the event and
/// the rule and target it failed for) per line. Every dead letter is also logged.
/// </summary>
public sealed partial class DeadLetterFileSink(LocalServicesSettings settings, LocalEndpoints endpoints, ILogger<DeadLetterFileSink> logger)
    : IDeadLetterSink
{
    private readonly Lock gate = new();

    /// <summary>The file that holds the messages of the queue named by <paramref name="queueArn"/>.</summary>
    public string QueueFile(string queueArn)
    {
        ArgumentNullException.ThrowIfNull(queueArn);
        var name = queueArn[(queueArn.LastIndexOf(':') + 1)..];
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(invalid, '_');
        }

        var directory = Path.Combine(settings.ResolveDataDirectory(endpoints), "queues");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".jsonl");
    }

    public Task SendAsync(DeadLetterMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Append(message.DeadLetterArn, message.Body, message.Attributes, message.Delivery);
        var errorCode = message.Attributes.GetValueOrDefault("ERROR_CODE", "");
        LogDeadLetter(logger, message.Delivery.EventId, message.Delivery.Rule.Name, message.Delivery.Target.Id, message.DeadLetterArn,
            errorCode, message.Delivery.Attempt);
        return Task.CompletedTask;
    }

    /// <summary>Appends one message to a queue file (also used for rule targets that are queues).</summary>
    public void Append(string queueArn, string body, IReadOnlyDictionary<string, string> attributes, EventDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(delivery);
        var buffer = new ArrayBufferWriter<byte>(body.Length + 512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", Guid.NewGuid().ToString());
            writer.WriteString("queueArn", queueArn);
            writer.WriteString("sentAt", settings.Options.TimeProvider.GetUtcNow());
            writer.WriteString("eventId", delivery.EventId);
            writer.WriteString("ruleArn", delivery.Rule.Arn);
            writer.WriteString("targetId", delivery.Target.Id);
            writer.WriteString("targetArn", delivery.Target.Arn);
            writer.WriteNumber("attempts", delivery.Attempt);
            writer.WriteStartObject("attributes");
            foreach (var (name, value) in attributes)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteString("body", body);
            writer.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
        var file = QueueFile(queueArn);
        lock (gate)
        {
            File.AppendAllText(file, line);
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "eventbridge dead-letter eventId={EventId} rule={Rule} target={TargetId} queue={QueueArn} error={ErrorCode} attempts={Attempts}")]
    private static partial void LogDeadLetter(ILogger logger, string eventId, string rule, string targetId, string queueArn, string errorCode, int attempts);
}
