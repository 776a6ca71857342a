using Workflow.Local.Template;

namespace Workflow.Local.Auth;

/// <summary>
/// The parameters of an authorization request (query of <c>GET /oauth2/authorize</c>, echoed as hidden fields of the
/// sign-in form). The provider serves browser apps of this runtime only: the redirect URI must be on the runtime's own
/// origin, the client one of the authorizer's audiences, and PKCE with S256 is required.
/// </summary>
public sealed record AuthorizeRequest(string ClientId, string RedirectUri, string CodeChallenge, string? State, string? Nonce, string Scope)
{
    public const string DefaultScope = "openid email profile";

    public static (AuthorizeRequest? Request, string? Error) Parse(Func<string, string?> parameter, JwtAuthorizerModel? authorizer, Uri origin)
    {
        if (authorizer is null)
        {
            return (null, "the template's HTTP API has no JWT authorizer, so there is no client to sign in to");
        }

        var clientId = parameter("client_id");
        if (string.IsNullOrEmpty(clientId) || !authorizer.Audience.Contains(clientId))
        {
            return (null, $"client_id must be the console's client id ({string.Join(" or ", authorizer.Audience)})");
        }

        var redirectUri = parameter("redirect_uri");
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect)
            || Uri.Compare(redirect, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return (null, $"redirect_uri must be an absolute URL on this runtime ({origin.GetLeftPart(UriPartial.Authority)})");
        }

        if (parameter("response_type") != "code")
        {
            return (null, "response_type must be code (the authorization-code flow)");
        }

        var challenge = parameter("code_challenge");
        if (string.IsNullOrEmpty(challenge) || parameter("code_challenge_method") != "S256")
        {
            return (null, "PKCE is required: code_challenge with code_challenge_method=S256");
        }

        var scope = parameter("scope");
        return (new AuthorizeRequest(clientId, redirectUri!, challenge, parameter("state"), parameter("nonce"),
            string.IsNullOrWhiteSpace(scope) ? DefaultScope : scope), null);
    }

    /// <summary>The redirect back to the app with the code (and the app's state, unchanged).</summary>
    public string RedirectWithCode(string code)
    {
        var separator = RedirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var url = $"{RedirectUri}{separator}code={Uri.EscapeDataString(code)}";
        return State is null ? url : $"{url}&state={Uri.EscapeDataString(State)}";
    }
}
