namespace Workflow.EventBridge;

/// <summary>Append-only store of the events a bus received (for replay or inspection by the host).</summary>
public interface IEventArchive
{
    void Append(string eventJson);
}
