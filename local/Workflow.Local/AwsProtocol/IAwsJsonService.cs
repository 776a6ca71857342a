namespace Workflow.Local.AwsProtocol;

/// <summary>
/// One AWS service spoken over the AWS JSON protocol: requests arrive as <c>POST /</c> with
/// <c>X-Amz-Target: {TargetPrefix}.{Operation}</c> and a JSON body.
/// </summary>
public interface IAwsJsonService
{
    /// <summary>The part of <c>X-Amz-Target</c> before the dot (<c>AWSStepFunctions</c>, <c>AWSEvents</c>).</summary>
    string TargetPrefix { get; }

    /// <summary><c>application/x-amz-json-1.0</c> or <c>-1.1</c>, echoed on responses.</summary>
    string ContentType { get; }

    /// <summary>Runs one operation; failures are thrown as <see cref="AwsServiceException"/>.</summary>
    Task<byte[]> InvokeAsync(string operation, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
