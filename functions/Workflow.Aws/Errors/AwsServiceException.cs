using System.Net;

namespace Workflow.Aws;

/// <summary>An error answer from an AWS service (or a service speaking its protocol).</summary>
public class AwsServiceException : Exception
{
    public AwsServiceException(string errorCode, string message, HttpStatusCode status, string? requestId)
        : base(string.IsNullOrEmpty(message) ? errorCode : message)
    {
        ErrorCode = errorCode;
        StatusCode = status;
        RequestId = requestId;
    }

    /// <summary>The AWS error code without namespace, for example <c>TaskDoesNotExist</c>.</summary>
    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The <c>x-amzn-RequestId</c> of the failed call, when the service sent one.</summary>
    public string? RequestId { get; }

    /// <summary>True for throttling and server-side errors, which are worth retrying later.</summary>
    public bool IsRetryable => AwsErrorClassifier.IsRetryable(ErrorCode, StatusCode);

    public override string ToString() => $"{GetType().Name} ({ErrorCode}, HTTP {(int)StatusCode}, request {RequestId ?? "-"}): {Message}";
}
