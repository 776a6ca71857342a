using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain;
using Workflow.Functions.Json;

namespace Workflow.Functions.Http;

public static class Responses
{
    public const string JsonType = "application/json";
    public const string ProblemType = "application/problem+json";

    public static HttpApiResponse Json(int status, JsonNode body, params (string Name, string Value)[] headers)
    {
        var response = new HttpApiResponse { StatusCode = status, Body = body.ToJsonString() };
        response.Headers["content-type"] = JsonType;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        return response;
    }

    public static HttpApiResponse Problem(ProblemDetails problem)
    {
        var response = new HttpApiResponse
        {
            StatusCode = problem.Status,
            Body = JsonSerializer.Serialize(problem, FunctionsJsonContext.Default.ProblemDetails),
        };
        response.Headers["content-type"] = ProblemType;
        if (problem.Status == 503)
        {
            response.Headers["retry-after"] = 5.ToString(CultureInfo.InvariantCulture);
        }

        return response;
    }

    public static HttpApiResponse Problem(int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null) =>
        Problem(ProblemDetails.Create(status, title, detail, errors));
}
