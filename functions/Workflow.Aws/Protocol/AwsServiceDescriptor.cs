namespace Workflow.Aws;

/// <summary>What the AWS JSON protocol needs to know about one service.</summary>
/// <param name="SigningName">SigV4 service name in the credential scope (<c>states</c>).</param>
/// <param name="EndpointPrefix">Host prefix of the regional endpoint (<c>states</c> → <c>states.{region}.amazonaws.com</c>).</param>
/// <param name="EndpointVariableSuffix">Suffix of the service-specific endpoint variable (<c>SFN</c> → <c>AWS_ENDPOINT_URL_SFN</c>).</param>
/// <param name="TargetPrefix">Prefix of the <c>X-Amz-Target</c> header (<c>AWSStepFunctions</c>).</param>
/// <param name="JsonVersion">AWS JSON protocol version, <c>1.0</c> or <c>1.1</c>.</param>
public sealed record AwsServiceDescriptor(
    string SigningName,
    string EndpointPrefix,
    string EndpointVariableSuffix,
    string TargetPrefix,
    string JsonVersion)
{
    public static AwsServiceDescriptor StepFunctions { get; } = new("states", "states", "SFN", "AWSStepFunctions", "1.0");

    public static AwsServiceDescriptor EventBridge { get; } = new("events", "events", "EVENTBRIDGE", "AWSEvents", "1.1");

    public string ContentType => "application/x-amz-json-" + JsonVersion;

    public string EndpointVariable => "AWS_ENDPOINT_URL_" + EndpointVariableSuffix;

    public string Target(string operation) => TargetPrefix + "." + operation;
}
