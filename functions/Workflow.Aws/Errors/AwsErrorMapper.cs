using System.Net;
using System.Text.Json;

namespace Workflow.Aws;

/// <summary>Turns an AWS JSON-protocol error answer into a typed <see cref="AwsServiceException"/>.</summary>
public static class AwsErrorMapper
{
    private delegate AwsServiceException Factory(string code, string message, HttpStatusCode status, string? requestId);

    // Keyed by the code without an "Exception" suffix: services are inconsistent about it (TaskDoesNotExist vs
    // ResourceNotFoundException) and the local runtime may use either spelling.
    private static readonly Dictionary<string, Factory> Types = new(StringComparer.Ordinal)
    {
        ["TaskDoesNotExist"] = (c, m, s, r) => new TaskDoesNotExistException(c, m, s, r),
        ["InvalidToken"] = (c, m, s, r) => new InvalidTokenException(c, m, s, r),
        ["TaskTimedOut"] = (c, m, s, r) => new TaskTimedOutException(c, m, s, r),
        ["ExecutionDoesNotExist"] = (c, m, s, r) => new ExecutionDoesNotExistException(c, m, s, r),
        ["ExecutionAlreadyExists"] = (c, m, s, r) => new ExecutionAlreadyExistsException(c, m, s, r),
        ["StateMachineDoesNotExist"] = (c, m, s, r) => new StateMachineDoesNotExistException(c, m, s, r),
        ["InvalidArn"] = (c, m, s, r) => new InvalidArnException(c, m, s, r),
        ["InvalidExecutionInput"] = (c, m, s, r) => new InvalidExecutionInputException(c, m, s, r),
        ["InvalidOutput"] = (c, m, s, r) => new InvalidOutputException(c, m, s, r),
        ["Validation"] = (c, m, s, r) => new ValidationException(c, m, s, r),
        ["ResourceNotFound"] = (c, m, s, r) => new ResourceNotFoundException(c, m, s, r),
        ["AccessDenied"] = (c, m, s, r) => new AccessDeniedException(c, m, s, r),
        ["UnrecognizedClient"] = (c, m, s, r) => new AccessDeniedException(c, m, s, r),
        ["InvalidSignature"] = (c, m, s, r) => new AccessDeniedException(c, m, s, r),
        ["IncompleteSignature"] = (c, m, s, r) => new AccessDeniedException(c, m, s, r),
        ["MissingAuthenticationToken"] = (c, m, s, r) => new AccessDeniedException(c, m, s, r),
        ["ExpiredToken"] = (c, m, s, r) => new AccessDeniedException(c, m, s, r),
    };

    /// <summary>Builds the exception for an error answer.</summary>
    /// <param name="status">HTTP status of the answer.</param>
    /// <param name="errorTypeHeader">The <c>x-amzn-ErrorType</c> header, if any.</param>
    /// <param name="body">The answer body (may be empty or not JSON).</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> header, if any.</param>
    public static AwsServiceException Map(HttpStatusCode status, string? errorTypeHeader, string? body, string? requestId)
    {
        var (bodyCode, message) = ReadBody(body);
        var code = NormalizeCode(errorTypeHeader) ?? NormalizeCode(bodyCode) ?? FallbackCode(status);
        message ??= string.IsNullOrWhiteSpace(body) || bodyCode is not null ? code : Truncate(body);

        if (AwsErrorClassifier.IsThrottling(code, status))
        {
            return new ThrottlingException(code, message, status, requestId);
        }

        var key = code.EndsWith("Exception", StringComparison.Ordinal) ? code[..^"Exception".Length] : code;
        return Types.TryGetValue(key, out var factory)
            ? factory(code, message, status, requestId)
            : new AwsServiceException(code, message, status, requestId);
    }

    /// <summary>
    /// Strips what AWS puts around an error code: <c>aws.protocoltests#FooError:http://internal/</c> → <c>FooError</c>.
    /// </summary>
    public static string? NormalizeCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static (string? Code, string? Message) ReadBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (
                FirstString(document.RootElement, "__type", "code", "Code"),
                FirstString(document.RootElement, "message", "Message", "errorMessage"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? FirstString(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    private static string FallbackCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "TooManyRequestsException",
        _ => "Http" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Truncate(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
