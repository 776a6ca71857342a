using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workflow.EventBridge;

/// <summary>Builds the event JSON that rules match and targets receive.</summary>
public static class EventEnvelope
{
    public const string ScheduledEventDetailType = "Scheduled Event";

    /// <summary>AWS's timestamp form: UTC, whole seconds, 'Z'.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Build(PutEventsEntry entry, string eventId, string account, string region, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Build(eventId, entry.DetailType!, entry.Source!, account, entry.Time ?? receivedAt, region,
            entry.Resources ?? [], entry.Detail!);
    }

    public static string BuildScheduled(string eventId, string account, string region, DateTimeOffset time, string ruleArn) =>
        Build(eventId, ScheduledEventDetailType, "aws.events", account, time, region, [ruleArn], "{}");

    public static string Build(string eventId, string detailType, string source, string account, DateTimeOffset time,
        string region, IReadOnlyList<string> resources, string detailJson)
    {
        ArgumentNullException.ThrowIfNull(resources);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "0");
            writer.WriteString("id", eventId);
            writer.WriteString("detail-type", detailType);
            writer.WriteString("source", source);
            writer.WriteString("account", account);
            writer.WriteString("time", FormatTime(time));
            writer.WriteString("region", region);
            writer.WriteStartArray("resources");
            foreach (var resource in resources)
            {
                writer.WriteStringValue(resource);
            }
            writer.WriteEndArray();
            writer.WritePropertyName("detail");
            using (var detail = JsonDocument.Parse(detailJson))
            {
                detail.RootElement.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
