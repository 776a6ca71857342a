namespace Workflow.Domain;

/// <summary>Result of the validation step; an invalid request is an outcome (auto-reject), not an error.</summary>
public sealed record ValidationReport(bool Valid, IReadOnlyList<FieldError> Errors)
{
    public static ValidationReport Ok { get; } = new(true, []);
}
