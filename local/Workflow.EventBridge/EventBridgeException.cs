namespace Workflow.EventBridge;

/// <summary>
/// An EventBridge API error with AWS's error code (ValidationException, ResourceNotFoundException,
/// ResourceAlreadyExistsException, InvalidEventPatternException, ...), for the host to map to an HTTP response.
/// </summary>
public sealed class EventBridgeException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public static EventBridgeException Validation(string message) => new("ValidationException", message);

    public static EventBridgeException NotFound(string message) => new("ResourceNotFoundException", message);
}
