namespace Workflow.StateMachine.Expressions;

/// <summary>Runtime errors of payload templates and intrinsic functions, with AWS's wording.</summary>
internal static class PayloadErrors
{
    /// <summary>
    /// AWS: <c>The JSONPath '$.x' specified for the field 'x.$' could not be found in the input '{...}'</c>
    /// (the engine prefixes "An error occurred while executing the state ...").
    /// </summary>
    public static StatesException PathNotFound(JsonPathExpression path, string? fieldName, in EvaluationScope scope) =>
        new(
            "States.Runtime",
            $"The JSONPath '{path.Text}' specified for the field '{fieldName}' could not be found in the input '{JsonValues.ToCompactJson(scope.Input)}'");

    public static StatesException IntrinsicFailure(string cause) => new("States.IntrinsicFailure", cause);
}
