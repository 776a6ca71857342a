namespace Workflow.Domain;

/// <summary>A business rule makes the step impossible; retrying does not help. The state machine catches it by this name.</summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(string message) : base(message) { }

    public BusinessRuleException(string message, Exception inner) : base(message, inner) { }

    public BusinessRuleException() : base("A business rule was violated.") { }
}
