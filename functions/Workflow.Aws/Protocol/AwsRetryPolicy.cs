namespace Workflow.Aws;

/// <summary>
/// Bounded retries with exponential back-off and full jitter: before retry n the client waits a uniformly random time
/// in [0, min(MaxDelay, BaseDelay * 2^(n-1))], which spreads out clients that were throttled together.
/// </summary>
public sealed record AwsRetryPolicy
{
    public static AwsRetryPolicy Default { get; } = new();

    /// <summary>No retries at all.</summary>
    public static AwsRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Total attempts including the first.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Source of the jitter fraction in [0, 1); replace it to make delays deterministic in tests.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, exponential);
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(Jitter(), 0, 1));
    }
}
