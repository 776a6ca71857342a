using System.Net;
using System.Net.Sockets;
using Workflow.Local.Hosting;

namespace Workflow.Local.Tests.Hosting;

public sealed class LocalRuntimeStartupTests
{
    [Test]
    public void PortTaken_FailsWithExitCode3AndAOneLineMessage()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var dataDirectory = Directory.CreateTempSubdirectory("workflow-port-").FullName;
        try
        {
            var error = Assert.ThrowsAsync<StartupException>(() => LocalRuntime.StartAsync(
                new LocalRuntimeOptions { TemplatePath = FixtureRuntime.TemplatePath, Port = port, DataDirectory = dataDirectory }, CancellationToken.None));

            Assert.Multiple(() =>
            {
                Assert.That(error!.ExitCode, Is.EqualTo(StartupException.PortInUse));
                Assert.That(error.Message, Does.Contain($"port {port} is already in use"));
                Assert.That(error.Message, Does.Not.Contain('\n'));
            });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Test]
    public void BrokenTemplate_FailsWithExitCode2AndTheLine()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-broken-").FullName;
        try
        {
            var template = Path.Combine(folder, "template.yaml");
            File.WriteAllText(template, "Resources:\n  Bus:\n    Type: AWS::Events::EventBus\n    Properties:\n      Name: !Ref Nowhere\n");

            var error = Assert.ThrowsAsync<StartupException>(() => LocalRuntime.StartAsync(
                new LocalRuntimeOptions { TemplatePath = template, Port = 0 }, CancellationToken.None));

            Assert.Multiple(() =>
            {
                Assert.That(error!.ExitCode, Is.EqualTo(StartupException.TemplateError));
                Assert.That(error.Message, Does.StartWith("template.yaml:5: unresolvable reference 'Nowhere'"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task CommandLine_WithABrokenTemplate_ExitsWith2()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-cli-").FullName;
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            var template = Path.Combine(folder, "template.yaml");
            File.WriteAllText(template, "Resources:\n  Bus: [unclosed\n");

            var exitCode = await CommandLine.RunAsync(["--template", template, "--port", "0"]);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(2));
                Assert.That(errors.ToString(), Does.StartWith("template.yaml:"));
            });
        }
        finally
        {
            Console.SetError(original);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task RunningRuntime_AnswersHealthAndReportsItsUrls()
    {
        var runtime = await FixtureRuntime.GetAsync();
        using var client = FixtureRuntime.Client(runtime);

        var health = await client.GetStringAsync("_local/health");
        var banner = Banner.For(runtime);

        Assert.Multiple(() =>
        {
            Assert.That(health, Is.EqualTo("""{"status":"ok"}"""));
            Assert.That(runtime.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(banner, Does.Contain(runtime.BaseUrl.ToString().TrimEnd('/')));
            Assert.That(banner, Does.Contain(runtime.DynamoDbEndpoint.ToString().TrimEnd('/')));
            Assert.That(banner, Does.Contain(runtime.DataDirectory));
            Assert.That(banner, Does.Contain("GET /items/{id}"));
        });
    }
}
