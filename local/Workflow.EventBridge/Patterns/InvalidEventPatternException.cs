namespace Workflow.EventBridge;

/// <summary>Thrown when an event pattern is rejected, with AWS's "Event pattern is not valid. Reason: ..." wording.</summary>
public sealed class InvalidEventPatternException : Exception
{
    public InvalidEventPatternException(string reason)
        : base("Event pattern is not valid. Reason: " + reason)
    {
        Reason = reason;
    }

    public InvalidEventPatternException(string reason, Exception inner)
        : base("Event pattern is not valid. Reason: " + reason, inner)
    {
        Reason = reason;
    }

    /// <summary>The part after "Reason: ".</summary>
    public string Reason { get; }

    /// <summary>The AWS error code returned for this failure.</summary>
    public static string ErrorCode => "InvalidEventPatternException";
}
