namespace Workflow.Local.Functions;

/// <summary>Lambda's <c>ResourceNotFoundException</c>: no function in the template has that name or ARN.</summary>
public sealed class FunctionNotFoundException(string functionNameOrArn)
    : Exception($"Function not found: {functionNameOrArn}")
{
    public string FunctionNameOrArn { get; } = functionNameOrArn;
}
