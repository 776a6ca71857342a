namespace Workflow.EventBridge;

/// <summary>An event bus. With an archive, every event the bus receives is appended to it.</summary>
public sealed class EventBus(string name, string arn, IEventArchive? archive = null)
{
    public const string DefaultName = "default";

    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public IEventArchive? Archive { get; } = archive;
}

/// <summary>Append-only store of the events a bus received (for replay or inspection by the host).</summary>
public interface IEventArchive
{
    void Append(string eventJson);
}

/// <summary>Keeps archived events in memory, in arrival order.</summary>
public sealed class InMemoryEventArchive : IEventArchive
{
    private readonly List<string> _events = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Append(string eventJson)
    {
        lock (_gate)
        {
            _events.Add(eventJson);
        }
    }
}

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
