using Workflow.Domain;

namespace Workflow.Functions.Http;

/// <summary>Ends an API request with this problem response.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(ProblemDetails problem) : base(problem.Detail ?? problem.Title) => Problem = problem;

    public ApiProblemException() : this(ProblemDetails.Create(400, "Bad request")) { }

    public ApiProblemException(string message) : this(ProblemDetails.Create(400, "Bad request", message)) { }

    public ApiProblemException(string message, Exception inner) : base(message, inner) => Problem = ProblemDetails.Create(400, "Bad request", message);

    public ProblemDetails Problem { get; }

    public static ApiProblemException Field(int status, string title, string field, string message) =>
        new(ProblemDetails.Create(status, title, $"{field}: {message}", [new FieldError(field, message)]));
}
