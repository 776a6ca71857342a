namespace Workflow.Functions.WebConsole;

/// <summary>
/// What the console's browser code needs to sign in (from the template's environment): the OpenID Connect issuer and
/// the console's client id, the Cognito domain prefix when the stack created the user pool, and whether it runs on
/// the local runtime (<c>AWS_SAM_LOCAL</c>, set by SAM CLI and this repository's runtime), which adds the development pages.
/// </summary>
public sealed record ConsoleSettings(string Issuer, string ClientId, string? UserPoolDomain, string Region, bool Development, string ApproverGroup = "approvers")
{
    public static ConsoleSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static ConsoleSettings From(Func<string, string?> variable) => new(
        Required(variable, "OIDC_ISSUER").TrimEnd('/'),
        Required(variable, "OIDC_CLIENT_ID"),
        variable("USER_POOL_DOMAIN") is { Length: > 0 } domain ? domain : null,
        variable("AWS_REGION") ?? "us-east-1",
        string.Equals(variable("AWS_SAM_LOCAL"), "true", StringComparison.OrdinalIgnoreCase),
        variable("APPROVER_GROUP") is { Length: > 0 } group ? group : "approvers");

    /// <summary>
    /// A Cognito issuer's discovery document has no end_session_endpoint: its logout endpoint is on the user pool's
    /// domain (https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html). Null otherwise.
    /// </summary>
    public Uri? CognitoDomainUrl =>
        UserPoolDomain is not null && Issuer.StartsWith("https://cognito-idp.", StringComparison.Ordinal)
            ? new Uri($"https://{UserPoolDomain}.auth.{Region}.amazoncognito.com")
            : null;

    /// <summary>Origins the browser code may call besides the console's own: the issuer (discovery) and the sign-in domain (token).</summary>
    public IEnumerable<string> ConnectOrigins()
    {
        if (Uri.TryCreate(Issuer, UriKind.Absolute, out var issuer))
        {
            yield return issuer.GetLeftPart(UriPartial.Authority);
        }

        if (CognitoDomainUrl is { } domain)
        {
            yield return domain.GetLeftPart(UriPartial.Authority);
        }
    }

    private static string Required(Func<string, string?> variable, string name) =>
        variable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Environment variable {name} is required.");
}
