using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Local.Hosting;
using Workflow.Local.Tests.Hosting;

namespace Workflow.Local.Tests.Auth;

/// <summary>
/// The runtime's development OpenID Connect provider on the fixture application: the browser flow a console performs
/// (sign-in page, code + PKCE, token, refresh, logout), with Cognito's claims, against the fixture's JWT authorizer.
/// </summary>
public sealed partial class OidcProviderTests
{
    private const string ClientId = "fixture-client";

    [Test]
    public async Task Discovery_NamesTheEndpointsBelowTheIssuer()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);

        var document = JsonNode.Parse(await client.GetStringAsync("_local/oidc/.well-known/openid-configuration"))!;
        var issuer = runtime.BaseUrl + "_local/oidc";

        Assert.Multiple(() =>
        {
            Assert.That((string?)document["issuer"], Is.EqualTo(issuer));
            Assert.That((string?)document["authorization_endpoint"], Is.EqualTo(issuer + "/oauth2/authorize"));
            Assert.That((string?)document["token_endpoint"], Is.EqualTo(issuer + "/oauth2/token"));
            Assert.That((string?)document["jwks_uri"], Is.EqualTo(issuer + "/.well-known/jwks.json"));
            Assert.That((string?)document["end_session_endpoint"], Is.EqualTo(issuer + "/logout"));
            Assert.That(document["code_challenge_methods_supported"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { "S256" }));
        });
    }

    [Test]
    public async Task SignInPage_OffersSampleUsers_UnderAStrictPolicy_AndEncodesTheRequestsValues()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);
        var (_, challenge) = Pkce();

        using var response = await client.GetAsync(AuthorizeUrl(runtime, challenge, state: "\"><script>alert(1)</script>"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
            Assert.That(html, Does.Contain("Sign in as alice (requester)").And.Contain("Sign in as bob (approver)"));
            Assert.That(html, Does.Not.Contain("<script>"));
            Assert.That(html, Does.Contain("&lt;script&gt;"));
        });
    }

    [Test]
    public async Task CodeFlowWithPkce_GivesCognitoShapedTokens_ThatTheAuthorizerAccepts()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);
        var (verifier, challenge) = Pkce();

        var code = await SignInAsync(client, runtime, challenge, "dora", "approvers", state: "s-1");
        var tokens = await TokenAsync(client, runtime, code, verifier);
        var access = Claims((string)tokens["access_token"]!);
        var id = Claims((string)tokens["id_token"]!);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)tokens["access_token"]!);
        using var api = await client.GetAsync("secure");
        var seen = JsonNode.Parse(await api.Content.ReadAsStringAsync())!["requestContext"]!["authorizer"]!["jwt"]!["claims"]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)tokens["token_type"], Is.EqualTo("Bearer"));
            Assert.That((long?)tokens["expires_in"], Is.EqualTo(3600));
            Assert.That((string?)tokens["refresh_token"], Is.Not.Empty);
            Assert.That(Guid.TryParse((string?)access["sub"], out _), Is.True, "sub is a UUID like Cognito's");
            Assert.That((string?)access["token_use"], Is.EqualTo("access"));
            Assert.That((string?)access["client_id"], Is.EqualTo(ClientId));
            Assert.That((string?)access["username"], Is.EqualTo("dora"));
            Assert.That(access["cognito:groups"]!.AsArray().Select(g => (string?)g), Is.EqualTo(new[] { "approvers" }));
            Assert.That((long?)access["auth_time"], Is.Positive);
            Assert.That((string?)access["iss"], Is.EqualTo("https://issuer.example.test/pool"));
            Assert.That((string?)id["token_use"], Is.EqualTo("id"));
            Assert.That((string?)id["aud"], Is.EqualTo(ClientId));
            Assert.That((string?)id["email"], Is.EqualTo("dora@example.com"));
            Assert.That((string?)id["cognito:username"], Is.EqualTo("dora"));
            Assert.That((string?)id["sub"], Is.EqualTo((string?)access["sub"]));
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)seen["username"], Is.EqualTo("dora"));
        });
    }

    [Test]
    public async Task Tokens_AreSignedByTheKeyInTheJwks()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);
        var (verifier, challenge) = Pkce();
        var tokens = await TokenAsync(client, runtime, await SignInAsync(client, runtime, challenge, "erin", null), verifier);
        var jwk = JsonNode.Parse(await client.GetStringAsync("_local/oidc/.well-known/jwks.json"))!["keys"]![0]!;

        using var rsa = RSA.Create(new RSAParameters { Modulus = FromBase64Url((string)jwk["n"]!), Exponent = FromBase64Url((string)jwk["e"]!) });
        var parts = ((string)tokens["id_token"]!).Split('.');

        Assert.That(rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
    }

    [Test]
    public async Task WrongVerifier_AndASecondUseOfTheCode_AreInvalidGrants()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);
        var (verifier, challenge) = Pkce();
        var code = await SignInAsync(client, runtime, challenge, "frank", null);

        using var wrong = await PostTokenAsync(client, runtime, code, Pkce().Verifier);
        var code2 = await SignInAsync(client, runtime, challenge, "frank", null);
        using var first = await PostTokenAsync(client, runtime, code2, verifier);
        using var again = await PostTokenAsync(client, runtime, code2, verifier);

        Assert.Multiple(async () =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["error"], Is.EqualTo("invalid_grant"));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task RefreshToken_GivesNewTokensForTheSameUser()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);
        var (verifier, challenge) = Pkce();
        var tokens = await TokenAsync(client, runtime, await SignInAsync(client, runtime, challenge, "gina", "approvers"), verifier);

        using var response = await client.PostAsync("_local/oidc/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = (string)tokens["refresh_token"]!,
        }));
        var refreshed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)Claims((string)refreshed["access_token"]!)["sub"], Is.EqualTo((string?)Claims((string)tokens["access_token"]!)["sub"]));
            Assert.That(Claims((string)refreshed["access_token"]!)["cognito:groups"]!.AsArray().Select(g => (string?)g), Is.EqualTo(new[] { "approvers" }));
        });
    }

    [TestCase("http://evil.example/cb", "S256", ClientId, TestName = "RedirectToAnotherOrigin_IsRefused")]
    [TestCase(null, "plain", ClientId, TestName = "PlainPkce_IsRefused")]
    [TestCase(null, "S256", "someone-else", TestName = "UnknownClient_IsRefused")]
    public async Task BadAuthorizationRequest_IsAnErrorPage_NotARedirect(string? redirect, string method, string clientId)
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);
        var url = AuthorizeUrl(runtime, Pkce().Challenge, redirect: redirect, method: method, clientId: clientId);

        using var response = await client.GetAsync(url);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Sign-in request rejected"));
        });
    }

    [Test]
    public async Task SignInWithAnInvalidUserName_ShowsThePageAgainWithTheProblem()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);

        using var response = await client.PostAsync(AuthorizeUrl(runtime, Pkce().Challenge), SignInForm(runtime, Pkce().Challenge, "<b>x</b>", null));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("User name: 1 to 128"));
        });
    }

    [Test]
    public async Task Logout_RedirectsBackOnlyToThisRuntime()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = NoRedirects(runtime);
        var back = runtime.BaseUrl + "console/";

        using var ok = await client.GetAsync($"_local/oidc/logout?client_id={ClientId}&logout_uri={Uri.EscapeDataString(back)}");
        using var refused = await client.GetAsync($"_local/oidc/logout?client_id={ClientId}&logout_uri={Uri.EscapeDataString("https://evil.example/")}");

        Assert.Multiple(() =>
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(ok.Headers.Location!.ToString(), Is.EqualTo(back));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    private static HttpClient NoRedirects(LocalRuntime runtime) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = runtime.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Callback(LocalRuntime runtime) => runtime.BaseUrl + "console/";

    private static string AuthorizeUrl(LocalRuntime runtime, string challenge, string? state = null, string? redirect = null, string method = "S256", string clientId = ClientId) =>
        $"_local/oidc/oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect ?? Callback(runtime))}"
        + $"&code_challenge={challenge}&code_challenge_method={method}&scope=openid+email+profile"
        + (state is null ? "" : "&state=" + Uri.EscapeDataString(state));

    private static FormUrlEncodedContent SignInForm(LocalRuntime runtime, string challenge, string username, string? groups, string? state = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", ClientId),
            new("redirect_uri", Callback(runtime)),
            new("code_challenge", challenge),
            new("code_challenge_method", "S256"),
            new("username", username),
        };
        if (groups is not null)
        {
            fields.Add(new("groups", groups));
        }

        if (state is not null)
        {
            fields.Add(new("state", state));
        }

        return new FormUrlEncodedContent(fields);
    }

    private static async Task<string> SignInAsync(HttpClient client, LocalRuntime runtime, string challenge, string username, string? groups, string? state = null)
    {
        using var response = await client.PostAsync("_local/oidc/oauth2/authorize", SignInForm(runtime, challenge, username, groups, state));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith(Callback(runtime) + "?code="));
        if (state is not null)
        {
            Assert.That(location, Does.EndWith("&state=" + Uri.EscapeDataString(state)));
        }

        return Uri.UnescapeDataString(CodeParameter().Match(location).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> PostTokenAsync(HttpClient client, LocalRuntime runtime, string code, string verifier) =>
        client.PostAsync("_local/oidc/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["redirect_uri"] = Callback(runtime),
            ["code_verifier"] = verifier,
        }));

    private static async Task<JsonNode> TokenAsync(HttpClient client, LocalRuntime runtime, string code, string verifier)
    {
        using var response = await PostTokenAsync(client, runtime, code, verifier);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!;
    }

    private static JsonNode Claims(string jwt) => JsonNode.Parse(FromBase64Url(jwt.Split('.')[1]))!;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();
}
