namespace Workflow.Aws;

/// <summary>EventBridge over the AWS JSON 1.1 protocol (<c>AWSEvents.*</c>, signing name <c>events</c>).</summary>
public sealed class EventBridgeClient : IEventBridgeClient
{
    /// <summary>PutEvents accepts at most this many entries per call.</summary>
    public const int MaxEntriesPerCall = 10;

    private readonly AwsJsonClient _client;

    /// <summary>Configured from the environment (AWS_REGION, AWS_ENDPOINT_URL_EVENTBRIDGE / AWS_ENDPOINT_URL, default credentials).</summary>
    public EventBridgeClient()
        : this(new AwsClientOptions())
    {
    }

    public EventBridgeClient(AwsClientOptions options)
    {
        _client = new AwsJsonClient(AwsServiceDescriptor.EventBridge, options);
    }

    public Uri Endpoint => _client.Endpoint;

    public Task<PutEventsResult> PutEventsAsync(IReadOnlyList<EventEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > MaxEntriesPerCall)
        {
            throw new ArgumentException($"PutEvents takes 1 to {MaxEntriesPerCall} entries; got {entries.Count}.", nameof(entries));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentException($"Entry {i} is null.", nameof(entries));
            if (string.IsNullOrEmpty(entry.Source) || string.IsNullOrEmpty(entry.DetailType) || string.IsNullOrEmpty(entry.Detail))
            {
                throw new ArgumentException($"Entry {i} needs Source, DetailType and Detail.", nameof(entries));
            }
        }

        return _client.InvokeAsync(
            "PutEvents",
            new PutEventsRequest(entries),
            EventBridgeJsonContext.Default.PutEventsRequest,
            EventBridgeJsonContext.Default.PutEventsResult,
            ct);
    }
}
