using Amazon.Runtime;

namespace Workflow.Aws;

/// <summary>Settings shared by the AWS JSON-protocol clients; every property has a production default.</summary>
public sealed record AwsClientOptions
{
    /// <summary>The HTTP client to send with; null uses one shared, pooled client.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Explicit endpoint; null resolves it from the environment (see <see cref="AwsEnvironment.ResolveEndpoint"/>).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Explicit region; null reads AWS_REGION / AWS_DEFAULT_REGION.</summary>
    public string? Region { get; init; }

    /// <summary>Explicit credentials; null uses the AWS SDK's default credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Clock for request signing and retry delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public AwsRetryPolicy Retry { get; init; } = AwsRetryPolicy.Default;

    /// <summary>
    /// How long one HTTP attempt may take before it is abandoned (and retried, as a <see cref="TimeoutException"/>);
    /// null leaves it to the HTTP client. In a Lambda function, attempts × this + back-off must stay below the function
    /// timeout, so that a hung call becomes an error the function reports rather than a killed sandbox.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>Where region and endpoint variables are read from.</summary>
    public AwsEnvironment Environment { get; init; } = AwsEnvironment.Process;
}
