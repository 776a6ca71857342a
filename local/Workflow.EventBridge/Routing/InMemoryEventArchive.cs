namespace Workflow.EventBridge;

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
