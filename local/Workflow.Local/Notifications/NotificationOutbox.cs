using System.Text.Json;
using Workflow.Local.Hosting;
using Workflow.Local.StepFunctions;

namespace Workflow.Local.Notifications;

/// <summary>
/// The e-mails of the local runtime: one JSON line per delivery in <c>&lt;data dir&gt;/notifications/outbox.jsonl</c>,
/// so they survive a restart and a developer can read what approvers and requesters would receive.
/// </summary>
public sealed class NotificationOutbox(LocalServicesSettings settings, LocalEndpoints endpoints)
{
    /// <summary>Where the runtime lists the e-mails as a JSON array, newest first.</summary>
    public const string EndpointPath = "/_local/notifications";

    private readonly Lock gate = new();

    public string FilePath
    {
        get
        {
            var directory = Path.Combine(settings.ResolveDataDirectory(endpoints), "notifications");
            Directory.CreateDirectory(directory);
            return Path.Combine(directory, "outbox.jsonl");
        }
    }

    public void Append(Notification notification)
    {
        var line = JsonSerializer.Serialize(notification, NotificationJsonContext.Default.Notification) + "\n";
        var file = FilePath;
        lock (gate)
        {
            File.AppendAllText(file, line);
        }
    }

    /// <summary>Every delivered e-mail, newest first (lines are appended in delivery order).</summary>
    public IReadOnlyList<Notification> NewestFirst()
    {
        var file = FilePath;
        string[] lines;
        lock (gate)
        {
            lines = File.Exists(file) ? File.ReadAllLines(file) : [];
        }

        var notifications = new List<Notification>(lines.Length);
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i])
                && JsonSerializer.Deserialize(lines[i], NotificationJsonContext.Default.Notification) is { } notification)
            {
                notifications.Add(notification);
            }
        }

        return notifications;
    }
}
