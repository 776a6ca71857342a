using System.Text.Json.Nodes;
using Workflow.Functions.WebConsole;
using Workflow.Functions.Tests.Support;

namespace Workflow.Functions.Tests.WebConsole;

/// <summary>The console's files and sign-in configuration, served by the ConsoleFunction without a token.</summary>
public class ConsoleHandlerTests
{
    private static readonly ConsoleSettings Cognito = new(
        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC", "client123", "signin-1234", "eu-west-1", Development: false);

    private static readonly ConsoleSettings Local = new("http://127.0.0.1:3000/_local/oidc", "local-client", null, "us-east-1", Development: true);

    private static Task<ApiResponse> GetAsync(string path, ConsoleSettings settings) =>
        TestApp.InvokeAsync(new ConsoleHandler(() => settings).HandleAsync, ApiRequests.Get(path, clientId: null));

    [Test]
    public async Task ConsolePage_IsServed_UnderAPolicyThatAllowsOnlyItsOwnScripts()
    {
        var response = await GetAsync("/console", Cognito);
        var policy = response.Header("content-security-policy")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(200));
            Assert.That(response.ContentType, Is.EqualTo("text/html; charset=utf-8"));
            Assert.That(response.Body, Does.Contain("<script type=\"module\" src=\"/console/js/app.js\"></script>"));
            Assert.That(policy, Does.Contain("script-src 'self';").And.Contain("default-src 'none'"));
            Assert.That(policy, Does.Not.Contain("unsafe-inline").And.Not.Contain("unsafe-eval"));
            Assert.That(policy, Does.Contain("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://signin-1234.auth.eu-west-1.amazoncognito.com;"));
            Assert.That(response.Header("x-content-type-options"), Is.EqualTo("nosniff"));
        }
    }

    [Test]
    public async Task EveryAsset_IsServedWithItsType()
    {
        foreach (var path in ConsoleAssets.Paths)
        {
            var response = await GetAsync("/console/" + path, Local);
            Assert.That(response.Status, Is.EqualTo(200), path);
            Assert.That(response.ContentType, Does.StartWith(path.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : path.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/html"), path);
        }

        Assert.That(ConsoleAssets.Paths, Is.SupersetOf(new[] { "index.html", "console.css", "js/app.js", "js/auth.js" }));
    }

    [Test]
    public void FirstLoad_WeighsLessThan150KB()
    {
        var total = ConsoleAssets.Paths.Sum(path => ConsoleAssets.TryGet(path, out var content, out _) ? System.Text.Encoding.UTF8.GetByteCount(content) : 0);

        Assert.That(total, Is.LessThan(150 * 1024), "every file of the console, uncompressed");
    }

    [Test]
    public async Task Config_OnAws_NamesTheIssuerClientAndCognitosLogout()
    {
        var config = (await GetAsync("/console/config.json", Cognito)).Json!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)config["issuer"], Is.EqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC"));
            Assert.That((string?)config["clientId"], Is.EqualTo("client123"));
            Assert.That((string?)config["logoutEndpoint"], Is.EqualTo("https://signin-1234.auth.eu-west-1.amazoncognito.com/logout"));
            Assert.That((bool?)config["development"], Is.False);
            Assert.That(config.ToJsonString(), Does.Not.Contain("secret"));
        }
    }

    [Test]
    public async Task Config_Locally_IsDevelopment_AndLeavesLogoutToDiscovery()
    {
        var config = (await GetAsync("/console/config.json", Local)).Json!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)config["development"], Is.True);
            Assert.That(config["logoutEndpoint"], Is.Null);
        }
    }

    [TestCase("/")]
    public async Task Root_RedirectsToTheConsole(string path)
    {
        var response = await GetAsync(path, Local);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(302));
            Assert.That(response.Header("location"), Is.EqualTo("/console"));
        }
    }

    [TestCase("/console/missing.js")]
    [TestCase("/console/../template.yaml")]
    [TestCase("/console/js/../../Workflow.Functions.dll")]
    public async Task UnknownFile_Is404Problem(string path)
    {
        var response = await GetAsync(path, Local);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Status, Is.EqualTo(404));
            Assert.That(response.ContentType, Is.EqualTo("application/problem+json"));
        }
    }

    [Test]
    public void Settings_FromTheTemplatesVariables()
    {
        var variables = new Dictionary<string, string>
        {
            ["OIDC_ISSUER"] = "https://login.example.com/",
            ["OIDC_CLIENT_ID"] = "abc",
            ["USER_POOL_DOMAIN"] = "",
            ["AWS_REGION"] = "eu-central-1",
            ["APPROVER_GROUP"] = "finance-approvers",
        };

        var settings = ConsoleSettings.From(name => variables.GetValueOrDefault(name));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Issuer, Is.EqualTo("https://login.example.com"));
            Assert.That(settings.UserPoolDomain, Is.Null);
            Assert.That(settings.CognitoDomainUrl, Is.Null, "an external issuer has its own logout");
            Assert.That(settings.Development, Is.False);
            Assert.That(settings.ApproverGroup, Is.EqualTo("finance-approvers"));
            Assert.That(() => ConsoleSettings.From(_ => null), Throws.InvalidOperationException.With.Message.Contains("OIDC_ISSUER"));
        }
    }
}
