using System.Net;

namespace Workflow.Aws;

// The error codes callers branch on get their own type; AwsErrorMapper holds the code → type table.

/// <summary>Step Functions: the task token is unknown or its task already finished.</summary>
public sealed class TaskDoesNotExistException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: the task token is malformed.</summary>
public sealed class InvalidTokenException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: the task timed out (or its heartbeat expired) before the call.</summary>
public sealed class TaskTimedOutException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: no execution has that ARN.</summary>
public sealed class ExecutionDoesNotExistException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: an execution with that name exists with a different input, or is still running.</summary>
public sealed class ExecutionAlreadyExistsException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: no state machine has that ARN.</summary>
public sealed class StateMachineDoesNotExistException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: an ARN in the request is malformed.</summary>
public sealed class InvalidArnException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: the execution input is not valid JSON or too large.</summary>
public sealed class InvalidExecutionInputException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>Step Functions: the task output is not valid JSON or too large.</summary>
public sealed class InvalidOutputException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>The request was throttled (any of the services' throttling codes, or HTTP 429) and retries ran out.</summary>
public sealed class ThrottlingException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>The request failed the service's input validation.</summary>
public sealed class ValidationException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>A named resource (event bus, rule, ...) does not exist.</summary>
public sealed class ResourceNotFoundException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);

/// <summary>The caller's credentials are missing, invalid or not allowed to make this call.</summary>
public sealed class AccessDeniedException(string errorCode, string message, HttpStatusCode status, string? requestId)
    : AwsServiceException(errorCode, message, status, requestId);
