using System.Net;

namespace Workflow.Aws;

/// <summary>Which AWS errors are throttling and which are worth retrying.</summary>
public static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "RequestThrottled",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "InternalFailure",
        "InternalServerError",
        "InternalException",
        "InternalError",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "RequestTimeout",
        "RequestTimeoutException",
    };

    public static bool IsThrottling(string errorCode, HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || ThrottlingCodes.Contains(errorCode);

    public static bool IsRetryable(string errorCode, HttpStatusCode status) =>
        IsThrottling(errorCode, status) || TransientCodes.Contains(errorCode) || (int)status >= 500;
}
