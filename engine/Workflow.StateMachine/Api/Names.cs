using System.Buffers;

namespace Workflow.StateMachine.Api;

/// <summary>Step Functions naming rules for state machines and executions.</summary>
internal static class Names
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" <>{}[]?*\"#%\\^|~`$&,;:/\t\r\n");

    public static void Validate(string name, string field)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 80 || name.AsSpan().IndexOfAny(Forbidden) >= 0 || name.Any(char.IsControl))
        {
            throw new StepFunctionsApiException(ApiErrorCodes.InvalidName, $"Invalid Name: '{name}' ({field} must be 1-80 characters without whitespace, brackets, wildcards or special characters)");
        }
    }
}
