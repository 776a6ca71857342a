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

    /// <summary>Where region and endpoint variables are read from.</summary>
    public AwsEnvironment Environment { get; init; } = AwsEnvironment.Process;
}
