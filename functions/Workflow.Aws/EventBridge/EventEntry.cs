using System.Text.Json.Serialization;

namespace Workflow.Aws;

/// <summary>One event for PutEvents.</summary>
/// <param name="Source">The event source, for example <c>workflow.jobs</c>.</param>
/// <param name="DetailType">The detail type, for example <c>JobSubmitted</c>.</param>
/// <param name="Detail">The event detail as JSON object text.</param>
public sealed record EventEntry(
    string Source,
    string DetailType,
    string Detail)
{
    /// <summary>Bus name or ARN; null means the account's default bus.</summary>
    public string? EventBusName { get; init; }

    /// <summary>ARNs of the resources the event concerns.</summary>
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>Event time; null lets EventBridge use the time it received the call.</summary>
    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTimeOffset? Time { get; init; }

    /// <summary>An X-Ray trace header to carry across the bus.</summary>
    public string? TraceHeader { get; init; }
}
