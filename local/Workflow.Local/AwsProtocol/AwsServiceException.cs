using System.Net;

namespace Workflow.Local.AwsProtocol;

/// <summary>
/// An error an AWS JSON-protocol operation answers with: the short error code (<c>ExecutionDoesNotExist</c>),
/// the fully qualified <c>__type</c> AWS puts on the wire, the message and the HTTP status.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string errorType, string errorCode, string message, HttpStatusCode statusCode = HttpStatusCode.BadRequest)
        : base(message)
    {
        ErrorType = errorType;
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    /// <summary>The value of <c>__type</c>, e.g. <c>com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist</c>.</summary>
    public string ErrorType { get; }

    /// <summary>The short code SDKs surface (the part after <c>#</c>).</summary>
    public string ErrorCode { get; }

    public HttpStatusCode StatusCode { get; }

    private const string CoralService = "com.amazon.coral.service#";

    public static AwsServiceException UnknownOperation(string target) =>
        new(CoralService + "UnknownOperationException", "UnknownOperationException",
            string.IsNullOrEmpty(target) ? "Missing X-Amz-Target header" : $"Unknown operation {target}");

    public static AwsServiceException Serialization(string message) =>
        new(CoralService + "SerializationException", "SerializationException", message);

    /// <summary>
    /// AWS's wording for a missing required member: <c>1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null</c>.
    /// </summary>
    public static AwsServiceException MissingMember(string errorTypePrefix, string member) =>
        Validation(errorTypePrefix, $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static AwsServiceException Validation(string errorTypePrefix, string message) =>
        new(errorTypePrefix + "ValidationException", "ValidationException", message);
}
