using System.Text;
using System.Text.Json;

namespace Workflow.EventBridge;

/// <summary>The request and entry checks PutEvents applies, with AWS's error codes.</summary>
public static class PutEventsValidator
{
    public const int MaxEntriesPerRequest = 10;

    /// <summary>AWS's limit for one entry and for a whole request, measured as AWS does (UTF-8 bytes of the fields).</summary>
    public const int MaxSizeBytes = 256 * 1024;

    private const int TimeFieldSize = 14;

    /// <summary>Throws <see cref="EventBridgeException"/> (ValidationException) for request-level problems.</summary>
    public static void ValidateRequest(IReadOnlyList<PutEventsEntry>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            throw EventBridgeException.Validation(
                "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");
        }
        if (entries.Count > MaxEntriesPerRequest)
        {
            throw EventBridgeException.Validation(
                $"1 validation error detected: Value '{entries.Count}' at 'entries' failed to satisfy constraint: Member must have length less than or equal to {MaxEntriesPerRequest}");
        }
        if (entries.Sum(EntrySize) > MaxSizeBytes)
        {
            throw EventBridgeException.Validation("Total size of the entries in the request is over the limit.");
        }
    }

    /// <summary>Returns the failure for an invalid entry, or null when the entry is acceptable.</summary>
    public static PutEventsResultEntry? ValidateEntry(PutEventsEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrEmpty(entry.Source))
        {
            return Invalid("Source");
        }
        if (string.IsNullOrEmpty(entry.DetailType))
        {
            return Invalid("DetailType");
        }
        if (string.IsNullOrEmpty(entry.Detail))
        {
            return Invalid("Detail");
        }
        if (!IsJsonObject(entry.Detail))
        {
            return PutEventsResultEntry.Failure("MalformedDetail", "Detail is malformed.");
        }
        if (entry.Source.StartsWith("aws.", StringComparison.Ordinal))
        {
            return PutEventsResultEntry.Failure("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        if (EntrySize(entry) > MaxSizeBytes)
        {
            return PutEventsResultEntry.Failure("InvalidArgument", "Event size exceeds the 256 KB limit.");
        }
        return null;
    }

    /// <summary>Entry size as AWS computes it: Time (14 bytes when set) plus UTF-8 Source, DetailType, Detail and Resources.</summary>
    public static int EntrySize(PutEventsEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var size = entry.Time is null ? 0 : TimeFieldSize;
        size += Utf8(entry.Source) + Utf8(entry.DetailType) + Utf8(entry.Detail);
        if (entry.Resources is not null)
        {
            size += entry.Resources.Sum(Utf8);
        }
        return size;
    }

    private static int Utf8(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    private static PutEventsResultEntry Invalid(string field) =>
        PutEventsResultEntry.Failure("InvalidArgument", $"Parameter {field} is not valid. Reason: {field} is a required argument.");

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
