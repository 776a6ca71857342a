using System.Text.Json.Serialization;

namespace Workflow.Local.Notifications;

/// <summary>
/// One e-mail the local runtime delivered instead of SNS: the topic's name, the subject and body the recipient would
/// see, when it was sent and the subscribed address.
/// </summary>
public sealed record Notification(string Topic, string Subject, string Body, DateTimeOffset Time, string Endpoint);

[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(IReadOnlyList<Notification>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
