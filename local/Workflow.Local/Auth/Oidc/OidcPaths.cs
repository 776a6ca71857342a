namespace Workflow.Local.Auth;

/// <summary>
/// Where the runtime's development OpenID Connect provider lives: under <c>/_local/oidc</c> (never an API route), with
/// Cognito's endpoint names below the issuer (<c>/oauth2/authorize</c>, <c>/oauth2/token</c>, <c>/logout</c>).
/// </summary>
public static class OidcPaths
{
    public const string Issuer = "/_local/oidc";
    public const string Discovery = Issuer + "/.well-known/openid-configuration";
    public const string Jwks = Issuer + "/.well-known/jwks.json";
    public const string Authorize = Issuer + "/oauth2/authorize";
    public const string Token = Issuer + "/oauth2/token";
    public const string Logout = Issuer + "/logout";

    /// <summary>The issuer URL of the runtime at <paramref name="hostUrl"/>, e.g. <c>http://127.0.0.1:3000/_local/oidc</c>.</summary>
    public static Uri IssuerUrl(Uri hostUrl) => new(hostUrl, Issuer);
}
