namespace Workflow.Aws;

/// <summary>Step Functions over the AWS JSON 1.0 protocol (<c>AWSStepFunctions.*</c>, signing name <c>states</c>).</summary>
public sealed class StepFunctionsClient : IStepFunctionsClient
{
    private static readonly StepFunctionsJsonContext Json = StepFunctionsJsonContext.Default;
    private readonly AwsJsonClient _client;

    /// <summary>Configured from the environment (AWS_REGION, AWS_ENDPOINT_URL_SFN / AWS_ENDPOINT_URL, default credentials).</summary>
    public StepFunctionsClient()
        : this(new AwsClientOptions())
    {
    }

    public StepFunctionsClient(AwsClientOptions options)
    {
        _client = new AwsJsonClient(AwsServiceDescriptor.StepFunctions, options);
    }

    public Uri Endpoint => _client.Endpoint;

    public Task SendTaskSuccessAsync(string taskToken, string outputJson, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskToken);
        ArgumentNullException.ThrowIfNull(outputJson);
        return _client.InvokeAsync("SendTaskSuccess", new TaskSuccessRequest(taskToken, outputJson), Json.TaskSuccessRequest, Json.EmptyResult, ct);
    }

    public Task SendTaskFailureAsync(string taskToken, string? error, string? cause, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskToken);
        return _client.InvokeAsync("SendTaskFailure", new TaskFailureRequest(taskToken, error, cause), Json.TaskFailureRequest, Json.EmptyResult, ct);
    }

    public Task SendTaskHeartbeatAsync(string taskToken, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskToken);
        return _client.InvokeAsync("SendTaskHeartbeat", new TaskHeartbeatRequest(taskToken), Json.TaskHeartbeatRequest, Json.EmptyResult, ct);
    }

    public Task<StopExecutionResult> StopExecutionAsync(string executionArn, string? error, string? cause, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionArn);
        return _client.InvokeAsync("StopExecution", new StopExecutionRequest(executionArn, error, cause), Json.StopExecutionRequest, Json.StopExecutionResult, ct);
    }

    public Task<StartExecutionResult> StartExecutionAsync(string stateMachineArn, string? name, string inputJson, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateMachineArn);
        ArgumentNullException.ThrowIfNull(inputJson);
        return _client.InvokeAsync(
            "StartExecution",
            new StartExecutionRequest(stateMachineArn, string.IsNullOrEmpty(name) ? null : name, inputJson),
            Json.StartExecutionRequest,
            Json.StartExecutionResult,
            ct);
    }

    public Task<DescribeExecutionResult> DescribeExecutionAsync(string executionArn, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionArn);
        return _client.InvokeAsync("DescribeExecution", new DescribeExecutionRequest(executionArn), Json.DescribeExecutionRequest, Json.DescribeExecutionResult, ct);
    }
}
