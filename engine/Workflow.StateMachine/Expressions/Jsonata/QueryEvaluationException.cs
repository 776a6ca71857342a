namespace Workflow.StateMachine.Expressions.Jsonata;

/// <summary>
/// A JSONata field that failed at run time. <see cref="Detail"/> is the part of AWS's cause that names the
/// expression and field; <see cref="ToStatesException"/> adds the state and its entered event, giving
/// <c>States.QueryEvaluationError</c> with AWS's cause text.
/// </summary>
public sealed class QueryEvaluationException : Exception
{
    public const string ErrorName = "States.QueryEvaluationError";

    public QueryEvaluationException()
        : this("The JSONata expression failed.")
    {
    }

    public QueryEvaluationException(string detail)
        : base(detail) => Detail = detail;

    public QueryEvaluationException(string detail, Exception innerException)
        : base(detail, innerException) => Detail = detail;

    public string Detail { get; }

    public static QueryEvaluationException ReturnedNothing(string expression, string field) =>
        new($"The JSONata expression '{expression}' specified for the field '{field}' returned nothing (undefined).");

    public static QueryEvaluationException Threw(string expression, string field, Workflow.Jsonata.JsonataException error) =>
        new($"The JSONata expression '{expression}' specified for the field '{field}' threw an error during evaluation. {error.Code}: {error.Message}", error);

    public static QueryEvaluationException UnexpectedType(string expression, string field, string expected, string actual, string valueJson) =>
        new($"The JSONata expression '{expression}' specified for the field '{field}' returned an unexpected result type. Expected '{expected}', but was '{actual}' for value: {valueJson}");

    public StatesException ToStatesException(string stateName, long enteredEventId) =>
        new(ErrorName, $"An error occurred while executing the state '{stateName}' (entered at the event id #{enteredEventId}). {Detail}");
}
