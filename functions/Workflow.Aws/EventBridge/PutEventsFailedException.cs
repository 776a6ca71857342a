namespace Workflow.Aws;

/// <summary>PutEvents answered 200 but rejected some entries (for example ThrottlingException or InternalFailure per entry).</summary>
public sealed class PutEventsFailedException : Exception
{
    public PutEventsFailedException(PutEventsResult result)
        : base(Describe(result))
    {
        Result = result;
    }

    public PutEventsResult Result { get; }

    /// <summary>True when every rejected entry failed for a reason worth retrying.</summary>
    public bool IsRetryable => Result.Entries
        .Where(entry => entry.ErrorCode is not null)
        .All(entry => AwsErrorClassifier.IsRetryable(entry.ErrorCode!, System.Net.HttpStatusCode.OK));

    private static string Describe(PutEventsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = result.Entries
            .Select((entry, index) => (entry, index))
            .Where(pair => pair.entry.ErrorCode is not null)
            .Select(pair => $"entry {pair.index}: {pair.entry.ErrorCode} {pair.entry.ErrorMessage}".TrimEnd());
        return $"EventBridge rejected {result.FailedEntryCount} event(s): {string.Join("; ", errors)}";
    }
}
