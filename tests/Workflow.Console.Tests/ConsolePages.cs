using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Console.Tests;

/// <summary>What a user does in the console, step by step, as the browser tests need it.</summary>
public static partial class ConsolePages
{
    /// <summary>A total of 2400.00 EUR: over the approval threshold, so the request waits for an approver.</summary>
    public static async Task<string> SubmitAsync(ConsoleUser user, string vendor, string description = "Rack server", string? requester = null, decimal unitPrice = 2000m)
    {
        var page = user.Page;
        await page.GotoAsync("/console#/new");
        await FillRequestAsync(page, vendor, description, "1", unitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture), requester);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();
        await page.WaitForURLAsync(RequestUrl());
        return RequestUrl().Match(page.Url).Groups[1].Value;
    }

    public static async Task FillRequestAsync(IPage page, string vendor, string description, string quantity, string unitPrice, string? requester = null)
    {
        if (requester is not null)
        {
            await page.Locator("#f-requester").FillAsync(requester);
        }

        await page.Locator("#f-costCentre").FillAsync("CC-7");
        await page.Locator("#f-vendor").FillAsync(vendor);
        await page.Locator("#f-line0-description").FillAsync(description);
        await page.Locator("#f-line0-quantity").FillAsync(quantity);
        await page.Locator("#f-line0-unitPrice").FillAsync(unitPrice);
    }

    /// <summary>Opens the inbox until the request of <paramref name="vendor"/> is listed (the workflow needs a moment to ask).</summary>
    public static async Task<ILocator> InboxRowAsync(ConsoleUser user, string vendor)
    {
        var page = user.Page;
        var row = page.Locator("tbody tr", new() { HasText = vendor });
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await page.GotoAsync("/console#/inbox");
            await page.ReloadAsync();
            await Expect(page.Locator("#inbox-count")).ToBeVisibleAsync();
            if (await row.CountAsync() > 0)
            {
                return row;
            }

            if (clock.Elapsed > ConsoleUser.Patience)
            {
                Assert.Fail($"The request for {vendor} never reached {user.Name}'s inbox.");
            }

            await Task.Delay(500);
        }
    }

    public static async Task OpenRequestAsync(ConsoleUser user, string jobId)
    {
        await user.Page.GotoAsync($"/console#/requests/{jobId}");
        await user.Page.ReloadAsync();
        await Expect(user.Page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" })).ToBeVisibleAsync();
    }

    public static async Task DecideAsync(ConsoleUser user, string decision, string? comment = null)
    {
        var page = user.Page;
        if (comment is not null)
        {
            await page.GetByLabel("Comment").FillAsync(comment);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = decision, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, {decision.ToLowerInvariant()}" }).ClickAsync();
    }

    /// <summary>Waits for the request of the waiting-for-approval state the decision needs.</summary>
    public static async Task AwaitingApprovalAsync(ConsoleUser user, string jobId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await OpenRequestAsync(user, jobId);
            if (await user.Page.Locator("h1 .status.AWAITING_APPROVAL").CountAsync() > 0)
            {
                return;
            }

            if (clock.Elapsed > ConsoleUser.Patience)
            {
                Assert.Fail($"Request {jobId} never waited for approval.");
            }

            await Task.Delay(500);
        }
    }

    public static void AssertNoErrors(params ConsoleUser[] users)
    {
        foreach (var user in users)
        {
            Assert.That(user.Errors, Is.Empty, $"script errors in {user.Name}'s browser");
            Assert.That(user.Dialogs, Is.Empty, $"dialogs opened in {user.Name}'s browser");
        }
    }

    [GeneratedRegex(@"#/requests/([0-9a-f]+)$")]
    private static partial Regex RequestUrl();
}
