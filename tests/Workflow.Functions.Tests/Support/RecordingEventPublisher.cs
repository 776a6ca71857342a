using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Workflow.Domain;

namespace Workflow.Functions.Tests.Support;

/// <summary>Records published events; can be told to fail like an unavailable EventBridge.</summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    private readonly ConcurrentQueue<JobEvent> published = new();

    public bool Fail { get; set; }

    public IReadOnlyList<JobEvent> Published => published.ToList();

    public IEnumerable<JsonObject> Details(string detailType) =>
        Published.Where(e => e.DetailType == detailType).Select(e => JsonNode.Parse(e.DetailJson)!.AsObject());

    public Task PublishAsync(IReadOnlyList<JobEvent> events, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new TransientDependencyException("EventBridge is unavailable (test).");
        }

        foreach (var e in events)
        {
            published.Enqueue(e);
        }

        return Task.CompletedTask;
    }
}
