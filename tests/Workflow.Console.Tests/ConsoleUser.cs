using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Console.Tests;

/// <summary>
/// A person in their own browser context (own session storage), signed in through the console and the runtime's
/// development sign-in page. Script errors and alert dialogs are recorded so every test can check there were none.
/// </summary>
public sealed class ConsoleUser : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];
    private readonly List<string> _dialogs = [];

    private ConsoleUser(IBrowserContext context, IPage page, string name)
    {
        _context = context;
        Page = page;
        Name = name;
        page.PageError += (_, error) => _errors.Add("page error: " + error);
        // Network answers the test provokes (403, 409, 422) are logged as "Failed to load resource"; script errors are not.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _errors.Add("console error: " + message.Text);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public string Name { get; }

    public IReadOnlyList<string> Errors => _errors;

    public IReadOnlyList<string> Dialogs => _dialogs;

    public static float Seconds(TimeSpan time) => (float)time.TotalMilliseconds;

    /// <summary>Opens the console, signed out.</summary>
    public static async Task<ConsoleUser> OpenAsync(string name = "visitor", int width = 1280, int height = 900)
    {
        var context = await ConsoleEnvironment.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ConsoleEnvironment.Runtime.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Seconds(Patience));
        var user = new ConsoleUser(context, page, name);
        await page.GotoAsync("/console");
        return user;
    }

    /// <summary>Opens the console and signs in as one of the sample users (alice = requester; bob, carol = approvers).</summary>
    public static async Task<ConsoleUser> SignInAsync(string sample, int width = 1280, int height = 900)
    {
        var user = await OpenAsync(sample, width, height);
        var page = user.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Sign in as {sample} ") }).ClickAsync();
        await Expect(page.Locator("#user")).ToContainTextAsync($"Signed in as {sample}");
        return user;
    }

    public async Task ScreenshotAsync(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "console-screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
