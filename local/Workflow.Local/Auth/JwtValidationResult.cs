namespace Workflow.Local.Auth;

/// <summary>
/// The authorizer's verdict. On success <see cref="Claims"/> holds the claims as API Gateway passes them to the
/// function (every value a string, arrays as <c>[a b]</c>) and <see cref="Scopes"/> the token's scopes (null if none).
/// <see cref="StatusCode"/> is 401 for a missing or invalid token and 403 when the route's scopes are missing.
/// </summary>
public sealed record JwtValidationResult(
    bool IsValid,
    int StatusCode,
    string? Failure,
    IReadOnlyDictionary<string, string> Claims,
    IReadOnlyList<string>? Scopes)
{
    public static JwtValidationResult Unauthorized(string why) => new(false, 401, why, new Dictionary<string, string>(), null);

    public static JwtValidationResult Forbidden(string why) => new(false, 403, why, new Dictionary<string, string>(), null);
}
