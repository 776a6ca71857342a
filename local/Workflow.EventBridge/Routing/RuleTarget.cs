namespace Workflow.EventBridge;

/// <summary>A rule target. At most one of Input, InputPath and InputTransformer may be set.</summary>
public sealed record RuleTarget
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    /// <summary>Constant JSON text sent instead of the event.</summary>
    public string? Input { get; init; }

    /// <summary>JSONPath selecting the part of the event to send.</summary>
    public string? InputPath { get; init; }

    public InputTransformer? InputTransformer { get; init; }

    public RetryPolicy RetryPolicy { get; init; } = RetryPolicy.Default;

    public DeadLetterConfig? DeadLetterConfig { get; init; }

    /// <summary>Free-form settings the host's invoker may use (for example a role ARN or Step Functions parameters).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}

/// <summary>AWS defaults: 185 retries within 24 hours.</summary>
public sealed record RetryPolicy(int MaximumRetryAttempts = 185, int MaximumEventAgeInSeconds = 86400)
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>AWS's accepted ranges: 0..185 retries, 60..86400 seconds.</summary>
    public void Validate()
    {
        if (MaximumRetryAttempts is < 0 or > 185)
        {
            throw EventBridgeException.Validation("RetryPolicy.MaximumRetryAttempts must be between 0 and 185.");
        }
        if (MaximumEventAgeInSeconds is < 60 or > 86400)
        {
            throw EventBridgeException.Validation("RetryPolicy.MaximumEventAgeInSeconds must be between 60 and 86400.");
        }
    }
}

/// <summary>Where events go when delivery to the target finally fails (an SQS queue ARN in AWS).</summary>
public sealed record DeadLetterConfig(string Arn);
