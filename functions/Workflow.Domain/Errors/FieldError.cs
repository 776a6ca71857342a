namespace Workflow.Domain;

/// <summary>One problem with one field; <see cref="Field"/> is a path such as <c>input.lines[2].quantity</c>.</summary>
public sealed record FieldError(string Field, string Message);
