namespace Workflow.EventBridge;

/// <summary>An event bus. With an archive, every event the bus receives is appended to it.</summary>
public sealed class EventBus(string name, string arn, IEventArchive? archive = null)
{
    public const string DefaultName = "default";

    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public IEventArchive? Archive { get; } = archive;
}
