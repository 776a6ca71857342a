using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Console.Tests;

/// <summary>A requester and approvers using the console in Chromium against the real local runtime.</summary>
public sealed class ConsoleJourneyTests
{
    [Test]
    public async Task SignInPage_IsTheDevelopmentProvidersPage()
    {
        await using var user = await ConsoleUserWithoutSignIn();
        var page = user.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in (local development)" })).ToBeVisibleAsync();
        Assert.That(page.Url, Does.Contain("/_local/oidc/oauth2/authorize").And.Contain("code_challenge_method=S256"));
        await user.ScreenshotAsync("sign-in");
        ConsolePages.AssertNoErrors(user);
    }

    [Test]
    public async Task Requester_SeesFieldErrors_ThenSubmits_TheApproverApprovesFromTheInbox_AndTheRequesterSeesSucceeded()
    {
        var vendor = "Journey Servers " + Guid.NewGuid().ToString("N")[..6];
        await using var alice = await ConsoleUser.SignInAsync("alice");
        var page = alice.Page;
        await page.GotoAsync("/console#/new");
        await ConsolePages.FillRequestAsync(page, vendor: "", description: "Rack server", quantity: "abc", unitPrice: "2000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();

        await Expect(page.Locator("#f-vendor-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-line0-quantity-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-vendor")).ToHaveAttributeAsync("aria-invalid", "true");
        await alice.ScreenshotAsync("submit-field-errors");

        await page.Locator("#f-vendor").FillAsync(vendor);
        await page.Locator("#f-line0-quantity").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("#/requests/"));
        var jobId = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        await using var bob = await ConsoleUser.SignInAsync("bob");
        var row = await ConsolePages.InboxRowAsync(bob, vendor);
        await Expect(row).ToContainTextAsync("CC-7");
        await Expect(bob.Page.Locator("#inbox-count")).ToContainTextAsync("awaiting approval");
        await bob.ScreenshotAsync("inbox");
        await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).First.ClickAsync();
        await Expect(bob.Page.GetByRole(AriaRole.Heading, new() { Name = "Budget" })).ToBeVisibleAsync();
        await Expect(bob.Page.Locator("dl.facts").Filter(new() { HasText = "Remaining after" })).ToBeVisibleAsync();
        await Expect(bob.Page.GetByText("exceeds the approval threshold")).ToBeVisibleAsync();
        await bob.ScreenshotAsync("request");
        await ConsolePages.DecideAsync(bob, "Approve");
        await Expect(bob.Page.GetByText("You approved this request.")).ToBeVisibleAsync();

        await page.GotoAsync("/console#/mine");
        await Expect(page.Locator($"tr[data-job-id='{jobId}'] .status")).ToHaveTextAsync("SUCCEEDED", new() { Timeout = ConsoleUser.Seconds(ConsoleUser.Patience) });
        await alice.ScreenshotAsync("my-requests");
        ConsolePages.AssertNoErrors(alice, bob);
    }

    [Test]
    public async Task Reject_NeedsAComment_ThenRejectsWithIt()
    {
        await using var alice = await ConsoleUser.SignInAsync("alice");
        var jobId = await ConsolePages.SubmitAsync(alice, "Reject Co " + Guid.NewGuid().ToString("N")[..6]);
        await using var bob = await ConsoleUser.SignInAsync("bob");
        await ConsolePages.AwaitingApprovalAsync(bob, jobId);

        await bob.Page.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
        await Expect(bob.Page.GetByText("A rejection needs a comment.")).ToBeVisibleAsync();
        await ConsolePages.DecideAsync(bob, "Reject", "Not this quarter.");

        await Expect(bob.Page.GetByText("You rejected this request.")).ToBeVisibleAsync();
        await Expect(bob.Page.Locator("h1 .status")).ToHaveTextAsync("REJECTED");
        await Expect(bob.Page.Locator("dl.facts").Filter(new() { HasText = "Not this quarter." })).ToBeVisibleAsync();
        ConsolePages.AssertNoErrors(alice, bob);
    }

    [Test]
    public async Task SecondApprover_DecidingAfterTheFirst_IsToldSomeoneDecidedFirst()
    {
        await using var alice = await ConsoleUser.SignInAsync("alice");
        var jobId = await ConsolePages.SubmitAsync(alice, "Race Ltd " + Guid.NewGuid().ToString("N")[..6]);
        await using var bob = await ConsoleUser.SignInAsync("bob");
        await using var carol = await ConsoleUser.SignInAsync("carol");
        await ConsolePages.AwaitingApprovalAsync(bob, jobId);
        await ConsolePages.OpenRequestAsync(carol, jobId);

        await ConsolePages.DecideAsync(bob, "Approve");
        await Expect(bob.Page.GetByText("You approved this request.")).ToBeVisibleAsync();
        await ConsolePages.DecideAsync(carol, "Reject", "Too late?");

        await Expect(carol.Page.GetByText("Someone else decided first.")).ToBeVisibleAsync();
        await carol.ScreenshotAsync("already-decided");
        ConsolePages.AssertNoErrors(alice, bob, carol);
    }

    [Test]
    public async Task Requester_CannotSeeTheInbox_AndAnApproverCannotDecideTheirOwnRequest()
    {
        await using var alice = await ConsoleUser.SignInAsync("alice");
        await Expect(alice.Page.Locator("#nav")).Not.ToContainTextAsync("Inbox");
        await alice.Page.GotoAsync("/console#/inbox");
        await Expect(alice.Page.GetByText("Only approvers can see the inbox.")).ToBeVisibleAsync();

        await using var bob = await ConsoleUser.SignInAsync("bob");
        var jobId = await ConsolePages.SubmitAsync(bob, "Own Co " + Guid.NewGuid().ToString("N")[..6]);
        await ConsolePages.AwaitingApprovalAsync(bob, jobId);

        await Expect(bob.Page.GetByText("You cannot decide your own request")).ToBeVisibleAsync();
        await Expect(bob.Page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true })).ToHaveCountAsync(0);
        ConsolePages.AssertNoErrors(alice, bob);
    }

    [Test]
    public async Task RequesterText_IsShownAsText_AndRunsNothingInTheApproversBrowser()
    {
        const string imagePayload = "<img src=x onerror=alert(1)>";
        const string linkPayload = "javascript:alert(2)";
        var vendor = linkPayload + " " + Guid.NewGuid().ToString("N")[..6];
        await using var alice = await ConsoleUser.SignInAsync("alice");
        var jobId = await ConsolePages.SubmitAsync(alice, vendor, description: imagePayload, requester: "<b>Mallory</b>");
        await using var bob = await ConsoleUser.SignInAsync("bob");

        var row = await ConsolePages.InboxRowAsync(bob, vendor);
        await Expect(row).ToContainTextAsync("<b>Mallory</b>");
        await ConsolePages.AwaitingApprovalAsync(bob, jobId);
        await Expect(bob.Page.GetByText(imagePayload)).ToBeVisibleAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await bob.Page.Locator("main img").CountAsync(), Is.Zero, "no element was created from the text");
            Assert.That(await bob.Page.Locator("main b").CountAsync(), Is.Zero);
            Assert.That(await bob.Page.Locator("a[href^='javascript:']").CountAsync(), Is.Zero);
        });
        ConsolePages.AssertNoErrors(alice, bob);
    }

    [Test]
    public async Task Approver_ApprovesWithTheKeyboardAlone()
    {
        await using var alice = await ConsoleUser.SignInAsync("alice");
        var jobId = await ConsolePages.SubmitAsync(alice, "Keyboard GmbH " + Guid.NewGuid().ToString("N")[..6]);
        await using var bob = await ConsoleUser.SignInAsync("bob");
        await ConsolePages.AwaitingApprovalAsync(bob, jobId);
        var page = bob.Page;

        for (var presses = 0; presses < 80 && await page.EvaluateAsync<string>("document.activeElement?.textContent ?? ''") != "Approve"; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByText("You approved this request.")).ToBeVisibleAsync();
        ConsolePages.AssertNoErrors(alice, bob);
    }

    [Test]
    public async Task PhoneWidth_375_HasNoSidewaysScrolling()
    {
        await using var alice = await ConsoleUser.SignInAsync("alice", width: 375, height: 740);
        var jobId = await ConsolePages.SubmitAsync(alice, "Phone Shop " + Guid.NewGuid().ToString("N")[..6]);
        await using var bob = await ConsoleUser.SignInAsync("bob", width: 375, height: 740);

        await ConsolePages.AwaitingApprovalAsync(bob, jobId);
        var requestWidth = await bob.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await bob.ScreenshotAsync("request-375px");
        await alice.Page.GotoAsync("/console#/new");
        var formWidth = await alice.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        Assert.Multiple(() =>
        {
            Assert.That(requestWidth, Is.LessThanOrEqualTo(375));
            Assert.That(formWidth, Is.LessThanOrEqualTo(375));
        });
        ConsolePages.AssertNoErrors(alice, bob);
    }

    [Test]
    public async Task NotificationsPage_ShowsTheLocalOutbox_InDevelopmentMode()
    {
        await using var bob = await ConsoleUser.SignInAsync("bob");
        using var http = new HttpClient { BaseAddress = ConsoleEnvironment.Runtime.BaseUrl };
        var outbox = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("_local/notifications"))!.AsArray();

        await bob.Page.GetByRole(AriaRole.Link, new() { Name = "Notifications (development)" }).ClickAsync();

        await Expect(bob.Page.GetByRole(AriaRole.Heading, new() { Name = "Notifications (development)", Level = 1 })).ToBeVisibleAsync();
        await Expect(bob.Page.Locator("main p[role=status]")).ToContainTextAsync($"{outbox.Count} notification");
        ConsolePages.AssertNoErrors(bob);
    }

    [Test]
    public async Task SignOut_ForgetsTheSession()
    {
        await using var alice = await ConsoleUser.SignInAsync("alice");

        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(alice.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.That(await alice.Page.EvaluateAsync<int>("sessionStorage.length"), Is.Zero);
        ConsolePages.AssertNoErrors(alice);
    }

    [Test]
    public async Task FirstLoad_WeighsLessThan150KB()
    {
        await using var user = await ConsoleUserWithoutSignIn();

        var bytes = await user.Page.EvaluateAsync<long>(
            "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + e.decodedBodySize, 0)");

        Assert.That(bytes, Is.InRange(1, 150 * 1024));
    }

    private static async Task<ConsoleUser> ConsoleUserWithoutSignIn()
    {
        var user = await ConsoleUser.OpenAsync();
        await Expect(user.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        return user;
    }
}
