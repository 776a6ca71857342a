using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Local.Hosting;
using Workflow.Local.Tests.Hosting;

namespace Workflow.Local.Tests.Auth;

/// <summary>The fixture API's JWT authorizer, with tokens from the runtime's endpoint and from the token command.</summary>
public sealed class AuthorizerEndToEndTests
{
    [Test]
    public async Task TokenFromTheEndpoint_IsAccepted_AndClaimsReachTheFunction()
    {
        var runtime = await FixtureRuntime.GetAsync();
        var token = await FixtureRuntime.TokenAsync(runtime, new { sub = "alice", groups = new[] { "approvers" } });
        using var client = FixtureRuntime.Client(runtime);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("secure");
        var jwt = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["requestContext"]!["authorizer"]!["jwt"]!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(jwt["claims"]!["sub"]!.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(jwt["claims"]!["cognito:groups"]!.GetValue<string>(), Is.EqualTo("[approvers]"));
            Assert.That(jwt["claims"]!["iss"]!.GetValue<string>(), Is.EqualTo("https://issuer.example.test/pool"));
        });
    }

    [TestCase(null)]
    [TestCase("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")]
    public async Task MissingOrInvalidToken_IsApiGateways401(string? authorization)
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);
        using var request = new HttpRequestMessage(HttpMethod.Get, "secure");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"message":"Unauthorized"}"""));
        });
    }

    [Test]
    public async Task RouteWithScopes_RefusesATokenWithoutThem()
    {
        var runtime = await FixtureRuntime.GetAsync();
        var plain = await FixtureRuntime.TokenAsync(runtime, new { sub = "bob" });
        var scoped = await FixtureRuntime.TokenAsync(runtime, new { sub = "bob", scopes = new[] { "items/write" } });
        using var client = FixtureRuntime.Client(runtime);

        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "scoped") { Headers = { Authorization = new("Bearer", plain) } });
        using var allowed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "scoped") { Headers = { Authorization = new("Bearer", scoped) } });

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task TokenRequestWithoutSubject_IsAProblemNamingTheField()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var response = await client.PostAsJsonAsync("_local/token", new { groups = new[] { "x" }, ttlSeconds = -1 });
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()), Is.EquivalentTo(new[] { "sub", "ttlSeconds" }));
        });
    }

    [TestCase("""{"sub":"alice","sub":"mallory"}""")]
    [TestCase("""{"sub":"alice"} trailing""")]
    [TestCase("""{"sub":["alice"]}""")]
    public async Task TokenRequestThatIsNotAValidObject_IsA400Problem_NeverA5xx(string body)
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        using var response = await client.PostAsync("_local/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task TokenCommand_PrintsATokenTheRunningApiAccepts()
    {
        var runtime = await FixtureRuntime.GetAsync();
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = await CommandLine.RunAsync(["token", "--template", FixtureRuntime.TemplatePath, "--data-dir", runtime.DataDirectory, "--sub", "carol", "--groups", "approvers,buyers"]);
        }
        finally
        {
            Console.SetOut(original);
        }

        using var client = FixtureRuntime.Client(runtime);
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "secure") { Headers = { Authorization = new("Bearer", output.ToString().Trim()) } });
        var claims = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["requestContext"]!["authorizer"]!["jwt"]!["claims"]!;

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(claims["sub"]!.GetValue<string>(), Is.EqualTo("carol"));
            Assert.That(claims["cognito:groups"]!.GetValue<string>(), Is.EqualTo("[approvers buyers]"));
        });
    }
}
