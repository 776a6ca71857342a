namespace Workflow.Domain;

/// <summary>RFC 9457 problem details with the field errors extension member.</summary>
public sealed record ProblemDetails
{
    public string Type { get; init; } = "about:blank";
    public required string Title { get; init; }
    public required int Status { get; init; }
    public string? Detail { get; init; }
    public string? Instance { get; init; }
    public IReadOnlyList<FieldError>? Errors { get; init; }

    public static ProblemDetails Create(int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null) => new()
    {
        Type = ProblemTypes.For(status),
        Title = title,
        Status = status,
        Detail = detail,
        Errors = errors is { Count: > 0 } ? errors : null,
    };
}
