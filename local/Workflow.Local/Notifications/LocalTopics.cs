using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Workflow.Local.Hosting;
using Workflow.Local.StepFunctions;
using Workflow.Local.Template;

namespace Workflow.Local.Notifications;

/// <summary>
/// The template's SNS topics on the local runtime. A published message goes to every subscription whose filter
/// policy accepts it; <c>email</c> and <c>email-json</c> subscriptions are written to the <see cref="NotificationOutbox"/>
/// (they count as confirmed: nobody can click a confirmation link locally). Other protocols are logged and skipped.
/// Links to the HTTP API's AWS address (a console link, say) are rewritten to the local runtime's address, where
/// the same API is served.
/// </summary>
public sealed partial class LocalTopics
{
    /// <summary>The subject SNS gives e-mails of messages published without one (as EventBridge targets publish).</summary>
    public const string DefaultEmailSubject = "AWS Notification Message";

    private readonly Dictionary<string, (TopicModel Topic, IReadOnlyList<(SubscriptionModel Model, SubscriptionFilter Filter)> Subscriptions)> topics;
    private readonly NotificationOutbox outbox;
    private readonly LocalEndpoints endpoints;
    private readonly string? awsApiUrl;
    private readonly TimeProvider time;
    private readonly ILogger<LocalTopics> logger;

    public LocalTopics(LocalServicesSettings settings, NotificationOutbox outbox, LocalEndpoints endpoints, ILogger<LocalTopics> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.outbox = outbox;
        this.endpoints = endpoints;
        var model = settings.Model;
        awsApiUrl = model.HttpApi is { StageName: "$default" } api
            ? $"https://{api.ApiId}.execute-api.{model.Region}.{(model.Partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com")}/"
            : null;
        this.logger = logger;
        time = settings.Options.TimeProvider;
        topics = settings.Model.Topics.ToDictionary(
            t => t.Arn,
            t => (t, (IReadOnlyList<(SubscriptionModel, SubscriptionFilter)>)[.. t.Subscriptions.Select(s => (s, new SubscriptionFilter(s)))]),
            StringComparer.Ordinal);
    }

    public bool Exists(string topicArn) => topics.ContainsKey(topicArn);

    /// <summary>Delivers the message to the matching subscriptions and returns its message id.</summary>
    public string Publish(string topicArn, string message, string? subject, IReadOnlyDictionary<string, MessageAttribute>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(topicArn);
        ArgumentNullException.ThrowIfNull(message);
        if (!topics.TryGetValue(topicArn, out var entry))
        {
            throw new TopicNotFoundException(topicArn);
        }

        attributes ??= new Dictionary<string, MessageAttribute>();
        if (awsApiUrl is not null)
        {
            message = message.Replace(awsApiUrl, endpoints.HostUrl.ToString(), StringComparison.Ordinal);
        }

        var messageId = Guid.NewGuid().ToString();
        var now = time.GetUtcNow();
        foreach (var (subscription, filter) in entry.Subscriptions)
        {
            if (!filter.Accepts(message, attributes))
            {
                LogFiltered(logger, entry.Topic.Name, subscription.LogicalId, messageId);
                continue;
            }

            switch (subscription.Protocol)
            {
                case "email":
                    outbox.Append(new Notification(entry.Topic.Name, subject ?? DefaultEmailSubject, message, now, subscription.Endpoint));
                    break;
                case "email-json":
                    outbox.Append(new Notification(entry.Topic.Name, subject ?? DefaultEmailSubject,
                        Envelope(messageId, topicArn, message, subject, now), now, subscription.Endpoint));
                    break;
                default:
                    LogNotDelivered(logger, entry.Topic.Name, subscription.LogicalId, subscription.Protocol, messageId);
                    continue;
            }

            LogDelivered(logger, entry.Topic.Name, subscription.Protocol, subscription.Endpoint, messageId);
        }

        return messageId;
    }

    /// <summary>The JSON document SNS sends to email-json (and non-raw HTTP/SQS) subscribers.</summary>
    private static string Envelope(string messageId, string topicArn, string message, string? subject, DateTimeOffset at)
    {
        var envelope = new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = messageId,
            ["TopicArn"] = topicArn,
        };
        if (subject is not null)
        {
            envelope["Subject"] = subject;
        }

        envelope["Message"] = message;
        envelope["Timestamp"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        return envelope.ToJsonString();
    }

    [LoggerMessage(EventId = 4500, Level = LogLevel.Information,
        Message = "sns delivered topic={Topic} protocol={Protocol} endpoint={Endpoint} messageId={MessageId}")]
    private static partial void LogDelivered(ILogger logger, string topic, string protocol, string endpoint, string messageId);

    [LoggerMessage(EventId = 4501, Level = LogLevel.Debug,
        Message = "sns filtered out topic={Topic} subscription={Subscription} messageId={MessageId}")]
    private static partial void LogFiltered(ILogger logger, string topic, string subscription, string messageId);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Warning,
        Message = "sns not delivered locally topic={Topic} subscription={Subscription} protocol={Protocol} messageId={MessageId}")]
    private static partial void LogNotDelivered(ILogger logger, string topic, string subscription, string protocol, string messageId);
}
