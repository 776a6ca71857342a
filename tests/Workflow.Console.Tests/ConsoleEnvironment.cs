using Microsoft.Playwright;
using Workflow.Local.Hosting;
using Workflow.Testing;

namespace Workflow.Console.Tests;

/// <summary>
/// One local runtime of the repository's application (on a free port, with a temporary data folder) and one headless
/// Chromium for every browser test of this assembly: starting them is the slow part, each test opens its own contexts.
/// </summary>
[SetUpFixture]
public sealed class ConsoleEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static LocalRuntime? s_runtime;
    private static IPlaywright? s_playwright;
    private static IBrowser? s_browser;
    private static string? s_dataDirectory;

    public static LocalRuntime Runtime => s_runtime ?? throw new InvalidOperationException("The runtime is not started.");

    public static IBrowser Browser => s_browser ?? throw new InvalidOperationException("The browser is not started.");

    public static Uri ConsoleUrl => new(Runtime.BaseUrl, "console");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"The browser tests drive Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does it).");
        }

        s_dataDirectory = Directory.CreateTempSubdirectory("workflow-console-").FullName;
        s_runtime = await LocalRuntime.StartAsync(new LocalRuntimeOptions
        {
            TemplatePath = RepoPaths.InRepo("template.yaml"),
            Port = 0,
            DataDirectory = s_dataDirectory,
            LogFormat = LogFormat.Text,
        }, CancellationToken.None);
        // The first call of each function starts its worker; on a busy 2-core machine that takes seconds, not milliseconds.
        Assertions.SetDefaultExpectTimeout(ConsoleUser.Seconds(ConsoleUser.Patience));
        s_playwright = await Playwright.CreateAsync();
        s_browser = await s_playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (s_browser is not null)
        {
            await s_browser.CloseAsync();
        }

        s_playwright?.Dispose();
        if (s_runtime is not null)
        {
            await s_runtime.DisposeAsync();
        }

        if (s_dataDirectory is not null)
        {
            Directory.Delete(s_dataDirectory, recursive: true);
        }
    }
}
