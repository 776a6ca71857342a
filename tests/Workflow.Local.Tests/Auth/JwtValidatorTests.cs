using System.Text.Json.Nodes;
using Workflow.Local.Auth;
using Workflow.Local.Template;

namespace Workflow.Local.Tests.Auth;

public sealed class JwtValidatorTests
{
    private static readonly JwtAuthorizerModel Authorizer = new("Jwt", "https://issuer.test", ["client-a", "client-b"], "$request.header.Authorization");
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private string _dataDirectory = "";
    private JwtSigningKey _key = null!;

    [SetUp]
    public void CreateKey()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("workflow-jwt-").FullName;
        _key = JwtSigningKey.LoadOrCreate(_dataDirectory);
    }

    [TearDown]
    public void DeleteKey()
    {
        _key.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private string Token(JwtAuthorizerModel? authorizer = null, TimeSpan? lifetime = null, IReadOnlyList<string>? scopes = null, JwtSigningKey? key = null) =>
        new JwtIssuer(key ?? _key, _clock).Issue(authorizer ?? Authorizer,
            new TokenRequest("alice", ["approvers", "buyers"], lifetime ?? TimeSpan.FromHours(1), scopes ?? [], new Dictionary<string, JsonNode?> { ["tier"] = 3 })).Token;

    private JwtValidationResult Validate(string? header, IReadOnlyList<string>? routeScopes = null) =>
        new JwtValidator(_key, _clock).Validate(header, Authorizer, routeScopes ?? []);

    [Test]
    public void ValidToken_IsAccepted_WithClaimsRenderedAsApiGatewayDoes()
    {
        var result = Validate("Bearer " + Token());

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True);
            Assert.That(result.Claims["sub"], Is.EqualTo("alice"));
            Assert.That(result.Claims["cognito:groups"], Is.EqualTo("[approvers buyers]"));
            Assert.That(result.Claims["tier"], Is.EqualTo("3"));
            Assert.That(result.Claims["exp"], Is.EqualTo(_clock.Now.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(result.Scopes, Is.Null);
        });
    }

    [Test]
    public void TokenWithoutBearerPrefix_IsAccepted()
    {
        Assert.That(Validate(Token()).IsValid, Is.True);
    }

    [Test]
    public void ExpiredToken_IsUnauthorized()
    {
        var token = Token(lifetime: TimeSpan.FromMinutes(5));
        _clock.Now = _clock.Now.AddMinutes(5);

        var result = Validate("Bearer " + token);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.StatusCode, Is.EqualTo(401));
            Assert.That(result.Failure, Is.EqualTo("expired token"));
        });
    }

    [Test]
    public void TokenNotYetValid_IsUnauthorized()
    {
        var token = Token();
        _clock.Now = _clock.Now.AddMinutes(-1);

        Assert.That(Validate(token).Failure, Is.EqualTo("token not yet valid"));
    }

    [Test]
    public void WrongAudience_IsUnauthorized()
    {
        var token = Token(Authorizer with { Audience = ["someone-else"] });

        Assert.That(Validate(token).Failure, Is.EqualTo("wrong audience"));
    }

    [Test]
    public void WrongIssuer_IsUnauthorized()
    {
        var token = Token(Authorizer with { Issuer = "https://evil.test" });

        Assert.That(Validate(token).Failure, Is.EqualTo("wrong issuer"));
    }

    [Test]
    public void TokenSignedByAnotherKey_IsUnauthorized()
    {
        var otherDirectory = Directory.CreateTempSubdirectory("workflow-jwt-other-").FullName;
        try
        {
            using var otherKey = JwtSigningKey.LoadOrCreate(otherDirectory);
            Assert.That(Validate(Token(key: otherKey)).Failure, Is.EqualTo("bad signature"));
        }
        finally
        {
            Directory.Delete(otherDirectory, recursive: true);
        }
    }

    [Test]
    public void TamperedPayload_IsUnauthorized()
    {
        var parts = Token().Split('.');
        var forged = parts[0] + "." + parts[1][..^2] + "AA" + "." + parts[2];

        Assert.That(Validate(forged).IsValid, Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Bearer")]
    [TestCase("Bearer not.a.jwt")]
    [TestCase("Basic dXNlcjpwYXNz")]
    public void MissingOrMalformedToken_IsUnauthorized(string? header)
    {
        var result = Validate(header);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.StatusCode, Is.EqualTo(401));
        });
    }

    [Test]
    public void RouteScopes_NeedOneOfThemInTheToken()
    {
        var withScope = Validate(Token(scopes: ["jobs/read", "jobs/write"]), ["jobs/write"]);
        var without = Validate(Token(scopes: ["jobs/read"]), ["jobs/write"]);

        Assert.Multiple(() =>
        {
            Assert.That(withScope.IsValid, Is.True);
            Assert.That(withScope.Scopes, Is.EqualTo(new[] { "jobs/read", "jobs/write" }));
            Assert.That(without.StatusCode, Is.EqualTo(403));
        });
    }

    [Test]
    public void SigningKey_IsPersisted_SoTokensSurviveARestart()
    {
        var token = Token();
        using var reloaded = JwtSigningKey.LoadOrCreate(_dataDirectory);

        var result = new JwtValidator(reloaded, _clock).Validate(token, Authorizer, []);

        Assert.Multiple(() =>
        {
            Assert.That(reloaded.KeyId, Is.EqualTo(_key.KeyId));
            Assert.That(result.IsValid, Is.True);
        });
    }
}
