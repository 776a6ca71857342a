namespace Workflow.EventBridge;

/// <summary>Exponential back-off with jitter between delivery attempts.</summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(int failedAttempts, EventRouterOptions options)
    {
        var exponent = Math.Min(failedAttempts - 1, 30);
        var raw = options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, options.MaxRetryDelay.TotalMilliseconds);
        var jitter = options.JitterSource?.Invoke() ?? Random.Shared.NextDouble();
        return TimeSpan.FromMilliseconds(capped * (0.5 + 0.5 * Math.Clamp(jitter, 0, 1)));
    }
}
