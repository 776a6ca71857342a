namespace Workflow.EventBridge;

public sealed record EventRouterOptions
{
    public string Account { get; init; } = "000000000000";

    public string Region { get; init; } = "us-east-1";

    /// <summary>Delay before the first retry; each further retry doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Source of jitter (the delay is drawn between half and all of the exponential value). Null uses Random.Shared.</summary>
    public Func<double>? JitterSource { get; init; }
}
