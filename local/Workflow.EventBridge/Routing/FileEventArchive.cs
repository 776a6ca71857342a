namespace Workflow.EventBridge;

/// <summary>Appends archived events to a file, one JSON document per line.</summary>
public sealed class FileEventArchive(string path) : IEventArchive
{
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    public void Append(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        // Events are compact JSON from EventEnvelope, so they never contain a raw newline.
        lock (_gate)
        {
            File.AppendAllText(Path, eventJson + "\n");
        }
    }
}
