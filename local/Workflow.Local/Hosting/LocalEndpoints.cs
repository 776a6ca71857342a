namespace Workflow.Local.Hosting;

/// <summary>
/// The URLs of the running local services. <see cref="HostUrl"/> (HTTP API, Step Functions and EventBridge endpoints)
/// is known once Kestrel has bound its port; <see cref="DynamoDbEndpoint"/> once DynamoDB is up. Both are set before
/// the runtime serves its first request.
/// </summary>
public sealed class LocalEndpoints
{
    private Uri? _hostUrl;
    private Uri? _dynamoDbEndpoint;

    public Uri HostUrl
    {
        get => _hostUrl ?? throw new InvalidOperationException("The host URL is not known before the server has started.");
        set => _hostUrl = value;
    }

    public Uri DynamoDbEndpoint
    {
        get => _dynamoDbEndpoint ?? throw new InvalidOperationException("The DynamoDB endpoint is not known before DynamoDB has started.");
        set => _dynamoDbEndpoint = value;
    }

    public string DataDirectory { get; set; } = "";
}
