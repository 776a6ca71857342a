using Workflow.Local.Hosting;

namespace Workflow.Local.Tests.Hosting;

public sealed class CommandLineArgumentsTests
{
    [Test]
    public void Parse_ReadsEveryRuntimeOption()
    {
        var arguments = CommandLineArguments.Parse([
            "--template", "app/template.yaml", "--port", "0", "--data-dir", "/tmp/d",
            "--parameter-overrides", "Stage=prod", "ApprovalThreshold=500", "--dynamodb-endpoint", "http://localhost:8000",
            "--mock-config", "mocks.json", "--mock-test-case", "HappyPath", "--skip-build", "--log-format", "text",
            "--max-concurrency", "8",
        ]);
        var options = arguments.Options;

        Assert.Multiple(() =>
        {
            Assert.That(arguments.IsTokenCommand, Is.False);
            Assert.That(options.TemplatePath, Is.EqualTo("app/template.yaml"));
            Assert.That(options.Port, Is.EqualTo(0));
            Assert.That(options.DataDirectory, Is.EqualTo("/tmp/d"));
            Assert.That(options.ParameterOverrides, Is.EquivalentTo(new Dictionary<string, string> { ["Stage"] = "prod", ["ApprovalThreshold"] = "500" }));
            Assert.That(options.DynamoDbEndpoint, Is.EqualTo(new Uri("http://localhost:8000")));
            Assert.That(options.MockConfigPath, Is.EqualTo("mocks.json"));
            Assert.That(options.MockTestCase, Is.EqualTo("HappyPath"));
            Assert.That(options.SkipBuild, Is.True);
            Assert.That(options.LogFormat, Is.EqualTo(LogFormat.Text));
            Assert.That(options.MaxConcurrencyPerFunction, Is.EqualTo(8));
        });
    }

    [Test]
    public void Parse_AcceptsSamStyleOverridesInOneArgument()
    {
        var options = CommandLineArguments.Parse(["--parameter-overrides", "Stage=prod Issuer=https://x.test/a=b"]).Options;

        Assert.That(options.ParameterOverrides, Is.EquivalentTo(new Dictionary<string, string> { ["Stage"] = "prod", ["Issuer"] = "https://x.test/a=b" }));
    }

    [Test]
    public void Parse_TokenCommand()
    {
        var arguments = CommandLineArguments.Parse(["token", "--sub", "alice", "--groups", "approvers,buyers", "--ttl", "600"]);

        Assert.Multiple(() =>
        {
            Assert.That(arguments.IsTokenCommand, Is.True);
            Assert.That(arguments.Subject, Is.EqualTo("alice"));
            Assert.That(arguments.Groups, Is.EqualTo(new[] { "approvers", "buyers" }));
            Assert.That(arguments.TokenLifetime, Is.EqualTo(TimeSpan.FromMinutes(10)));
        });
    }

    [TestCase("--port", "70000")]
    [TestCase("--log-format", "xml")]
    [TestCase("--unknown")]
    [TestCase("--max-concurrency", "0")]
    [TestCase("--parameter-overrides", "NoEquals")]
    [TestCase("token", "--groups", "a")]
    public void Parse_RejectsBadInputWithAMessage(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLineArguments.Parse(args));

        Assert.That(error!.Message, Is.Not.Empty);
    }

    [Test]
    public void TemplateLocator_WalksUpToTheNearestTemplate()
    {
        var root = Directory.CreateTempSubdirectory("workflow-locate-").FullName;
        try
        {
            var nested = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
            File.WriteAllText(Path.Combine(root, "template.yaml"), "Resources: {}");

            Assert.That(TemplateLocator.Locate(null, nested), Is.EqualTo(Path.Combine(root, "template.yaml")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
