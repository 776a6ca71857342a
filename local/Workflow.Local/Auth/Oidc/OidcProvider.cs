using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Workflow.Local.Template;

namespace Workflow.Local.Auth;

/// <summary>
/// A small OpenID Connect provider for development, shaped like a Cognito user pool with a managed-login domain:
/// discovery, JWKS, the authorization-code flow with PKCE (S256) through <see cref="SignInPage"/>, refresh, logout.
/// Tokens carry Cognito's claims and are signed with the key the runtime's JWT authorizer checks, for the issuer and
/// audience of the template's authorizer (a user pool in the template resolves to this provider).
/// </summary>
public sealed class OidcProvider(ApplicationModel model, JwtSigningKey key, JwtIssuer issuer, AuthorizationGrants grants)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private static readonly string[] GrantTypes = ["authorization_code", "refresh_token"];

    private JwtAuthorizerModel? Authorizer => TokenEndpoint.Authorizer(model, null);

    public Task DiscoveryAsync(HttpContext context)
    {
        var host = Origin(context).ToString().TrimEnd('/');
        var document = new JsonObject
        {
            ["issuer"] = host + OidcPaths.Issuer,
            ["authorization_endpoint"] = host + OidcPaths.Authorize,
            ["token_endpoint"] = host + OidcPaths.Token,
            ["jwks_uri"] = host + OidcPaths.Jwks,
            ["end_session_endpoint"] = host + OidcPaths.Logout,
            ["response_types_supported"] = new JsonArray("code"),
            ["grant_types_supported"] = new JsonArray(GrantTypes.Select(g => (JsonNode)g).ToArray()),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["scopes_supported"] = new JsonArray("openid", "email", "profile"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("none"),
        };
        return WriteJsonAsync(context, 200, document);
    }

    public Task JwksAsync(HttpContext context)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["alg"] = "RS256",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64Url.Encode(parameters.Modulus),
            ["e"] = Base64Url.Encode(parameters.Exponent),
        };
        return WriteJsonAsync(context, 200, new JsonObject { ["keys"] = new JsonArray(jwk) });
    }

    public Task ShowSignInAsync(HttpContext context)
    {
        var (request, error) = AuthorizeRequest.Parse(name => Single(context.Request.Query, name), Authorizer, Origin(context));
        return request is null
            ? WriteHtmlAsync(context, 400, SignInPage.RenderError(error!))
            : WriteHtmlAsync(context, 200, SignInPage.Render(request, model.UserPoolGroups, null));
    }

    public async Task SignInAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await WriteHtmlAsync(context, 400, SignInPage.RenderError("the sign-in form must be posted as a form")).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var (request, error) = AuthorizeRequest.Parse(name => Single(form, name), Authorizer, Origin(context));
        if (request is null)
        {
            await WriteHtmlAsync(context, 400, SignInPage.RenderError(error!)).ConfigureAwait(false);
            return;
        }

        var (identity, problem) = SignInForm.Read(form);
        if (identity is null)
        {
            await WriteHtmlAsync(context, 400, SignInPage.Render(request, model.UserPoolGroups, problem)).ConfigureAwait(false);
            return;
        }

        var code = grants.IssueCode(identity, request.ClientId, request.RedirectUri, request.CodeChallenge, request.Nonce);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(request.RedirectWithCode(code));
    }

    public async Task TokenAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.HasFormContentType)
        {
            await OAuthErrorAsync(context, "invalid_request", "the body must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var authorizer = Authorizer;
        var clientId = Single(form, "client_id");
        if (authorizer is null || clientId is null || !authorizer.Audience.Contains(clientId))
        {
            await OAuthErrorAsync(context, "invalid_client", "client_id is not the console's client id", 401).ConfigureAwait(false);
            return;
        }

        switch (Single(form, "grant_type"))
        {
            case "authorization_code":
                var pending = Single(form, "code") is { } code ? grants.RedeemCode(code) : null;
                if (pending is null || pending.ClientId != clientId)
                {
                    await OAuthErrorAsync(context, "invalid_grant", "the code is unknown, expired or already used").ConfigureAwait(false);
                    return;
                }

                if (Single(form, "redirect_uri") != pending.RedirectUri)
                {
                    await OAuthErrorAsync(context, "invalid_grant", "redirect_uri differs from the authorization request").ConfigureAwait(false);
                    return;
                }

                if (Single(form, "code_verifier") is not { Length: >= 43 and <= 128 } verifier
                    || Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.CodeChallenge)
                {
                    await OAuthErrorAsync(context, "invalid_grant", "code_verifier does not match the code_challenge (PKCE S256)").ConfigureAwait(false);
                    return;
                }

                var refresh = grants.IssueRefreshToken(pending.Identity, clientId, pending.AuthTime);
                await WriteTokensAsync(context, authorizer, pending.Identity, pending.AuthTime, pending.Nonce, refresh).ConfigureAwait(false);
                return;
            case "refresh_token":
                var grant = Single(form, "refresh_token") is { } token ? grants.FindRefreshToken(token) : null;
                if (grant is null || grant.ClientId != clientId)
                {
                    await OAuthErrorAsync(context, "invalid_grant", "the refresh token is unknown or expired").ConfigureAwait(false);
                    return;
                }

                // Like Cognito (without rotation): new access and ID tokens, the refresh token stays the same.
                await WriteTokensAsync(context, authorizer, grant.Identity, grant.AuthTime, null, null).ConfigureAwait(false);
                return;
            default:
                await OAuthErrorAsync(context, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token").ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Cognito's <c>GET /logout?client_id=..&amp;logout_uri=..</c>: sessions live in the app, so only redirect back.</summary>
    public Task LogoutAsync(HttpContext context)
    {
        var authorizer = Authorizer;
        var clientId = Single(context.Request.Query, "client_id");
        var logoutUri = Single(context.Request.Query, "logout_uri");
        if (authorizer is null || clientId is null || !authorizer.Audience.Contains(clientId))
        {
            return WriteHtmlAsync(context, 400, SignInPage.RenderError("client_id must be the console's client id"));
        }

        var origin = Origin(context);
        if (!Uri.TryCreate(logoutUri, UriKind.Absolute, out var target)
            || Uri.Compare(target, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return WriteHtmlAsync(context, 400, SignInPage.RenderError("logout_uri must be an absolute URL on this runtime"));
        }

        context.Response.Redirect(target.ToString());
        return Task.CompletedTask;
    }

    private async Task WriteTokensAsync(HttpContext context, JwtAuthorizerModel authorizer, LocalIdentity identity, DateTimeOffset authTime, string? nonce, string? refreshToken)
    {
        var common = new Dictionary<string, JsonNode?> { ["auth_time"] = authTime.ToUnixTimeSeconds() };
        var access = new TokenRequest(identity.Subject, identity.Groups, TokenLifetime, ["openid", "email", "profile"], common, identity.Username);
        var idClaims = new Dictionary<string, JsonNode?>(common) { ["email"] = identity.Email, ["email_verified"] = true };
        if (nonce is not null)
        {
            idClaims["nonce"] = nonce;
        }

        var id = access with { Scopes = [], ExtraClaims = idClaims };
        var response = new JsonObject
        {
            ["access_token"] = issuer.Issue(authorizer, access, TokenUse.Access).Token,
            ["id_token"] = issuer.Issue(authorizer, id, TokenUse.Id).Token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)TokenLifetime.TotalSeconds,
        };
        if (refreshToken is not null)
        {
            response["refresh_token"] = refreshToken;
        }

        await WriteJsonAsync(context, 200, response).ConfigureAwait(false);
    }

    private static Task OAuthErrorAsync(HttpContext context, string error, string description, int status = 400) =>
        WriteJsonAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteHtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = SignInPage.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The origin the browser used (127.0.0.1 or localhost), so redirects stay on it.</summary>
    private static Uri Origin(HttpContext context) => new($"{context.Request.Scheme}://{context.Request.Host}/");

    /// <summary>A parameter given once; a repeated parameter is treated as missing (OAuth forbids repeating them).</summary>
    private static string? Single(IEnumerable<KeyValuePair<string, StringValues>> values, string name)
    {
        foreach (var (key, value) in values)
        {
            if (key == name)
            {
                return value.Count == 1 ? value[0] : null;
            }
        }

        return null;
    }
}
