using Amazon.DynamoDBv2;

namespace Workflow.Aws;

/// <summary>Creates DynamoDB clients configured the standard AWS way.</summary>
public static class DynamoDbClientFactory
{
    /// <summary>
    /// A client configured from the environment: AWS_REGION, the default credential chain, and the endpoint from
    /// <c>AWS_ENDPOINT_URL_DYNAMODB</c> over <c>AWS_ENDPOINT_URL</c> over the regional default. AWSSDK.Core 4 applies
    /// those endpoint variables itself (the tests pin that behaviour), so nothing is re-implemented here.
    /// </summary>
    public static AmazonDynamoDBClient Create() => new(new AmazonDynamoDBConfig());

    /// <summary>
    /// As <see cref="Create()"/>, with each HTTP attempt limited to <paramref name="attemptTimeout"/> and at most
    /// <paramref name="maxAttempts"/> attempts: inside a Lambda function the whole call must end before the function's
    /// timeout (the SDK's default attempt timeout is 100 s).
    /// </summary>
    public static AmazonDynamoDBClient Create(TimeSpan attemptTimeout, int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(attemptTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return new(new AmazonDynamoDBConfig { Timeout = attemptTimeout, MaxErrorRetry = maxAttempts - 1 });
    }

    /// <summary>A client for an explicit endpoint (a local server, say), taking region and credentials from the environment.</summary>
    public static AmazonDynamoDBClient Create(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var config = new AmazonDynamoDBConfig { ServiceURL = serviceUrl.ToString() };
        if (AwsEnvironment.Process.Region is { } region)
        {
            config.AuthenticationRegion = region;
        }

        return new AmazonDynamoDBClient(config);
    }
}
