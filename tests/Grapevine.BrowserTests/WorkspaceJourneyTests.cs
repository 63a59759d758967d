using Microsoft.Playwright;
using Xunit.Abstractions;
using static Grapevine.BrowserTests.BrowserSession;

namespace Grapevine.BrowserTests;

/// <summary>
/// A team's first day: sign up, make a list, add two creators from the catalogue, invite a
/// colleague who then sees the list; someone from another workspace does not.
/// </summary>
public class WorkspaceJourneyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_list_is_shared_with_an_invited_member_and_hidden_from_other_workspaces()
    {
        await using var journey = await BrowserJourney.StartAsync(db => SampleCatalogue.SeedAsync(db));

        // Ana signs up; her account comes with a workspace.
        await using var anaContext = await journey.Browser.NewContextAsync(Desktop);
        var ana = await anaContext.NewPageAsync();
        await ana.GotoAsync(journey.Url("/account/sign-up"));
        await ScreenshotAsync(ana, output, "auth-sign-up-1280.png");
        await SignUpAsync(ana, "ana@acme.test", "Acme Skincare");
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Creator catalogue" })).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator(".workspace-name")).ToHaveTextAsync("Acme Skincare");

        // She creates a list…
        await ana.GetByRole(AriaRole.Link, new() { Name = "Lists", Exact = true }).ClickAsync();
        await ana.GetByLabel("Name").FillAsync("Spring launch");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Create list" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Spring launch", Exact = true })).ToBeVisibleAsync();
        var listUrl = ana.Url;

        // …and adds two creators from the catalogue.
        await ana.GetByRole(AriaRole.Link, new() { Name = "Catalogue", Exact = true }).ClickAsync();
        var rows = ana.Locator("table.accounts tbody tr");
        var picked = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            picked.Add((await rows.Nth(i).Locator(".handle").InnerTextAsync()).Trim());
            await rows.Nth(i).GetByRole(AriaRole.Checkbox).CheckAsync();
        }
        await ana.GetByLabel("Add ticked accounts to").SelectOptionAsync(new SelectOptionValue { Label = "Spring launch (0)" });
        await ScreenshotAsync(ana, output, "auth-catalogue-add-to-list-1280.png");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Add to list" }).ClickAsync();
        await Assertions.Expect(ana.Locator(".notice")).ToContainTextAsync("Added 2 of 2 ticked accounts to “Spring launch”");
        await ana.GotoAsync(listUrl);
        await Assertions.Expect(ana.Locator("table.accounts tbody tr")).ToHaveCountAsync(2);
        foreach (var handle in picked)
            await Assertions.Expect(ana.Locator("table.accounts")).ToContainTextAsync(handle);
        await ScreenshotAsync(ana, output, "auth-list-1280.png", fullPage: true);

        // She invites Ben and takes the link from the page.
        await ana.GetByRole(AriaRole.Link, new() { Name = "Members", Exact = true }).ClickAsync();
        await ana.GetByLabel("Email").FillAsync("ben@acme.test");
        await ana.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("Member");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var invitation = (await ana.Locator("#invitation-link").InnerTextAsync()).Trim();
        Assert.Contains("/invitations/accept?token=", invitation);
        await ScreenshotAsync(ana, output, "auth-members-invite-1280.png", fullPage: true);

        // She also invites Zoe, then thinks better of it: pending invitations are listed and one is revoked after a confirmation.
        await ana.GetByLabel("Email").FillAsync("zoe@acme.test");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var zoesLink = (await ana.Locator("#invitation-link").InnerTextAsync()).Trim();
        var pending = ana.Locator("table.invitations tbody tr");
        await Assertions.Expect(pending).ToHaveCountAsync(2);
        await Assertions.Expect(pending.Filter(new() { HasText = "zoe@acme.test" })).ToContainTextAsync("ana@acme.test");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Revoke the invitation for zoe@acme.test" }).ClickAsync();
        await Assertions.Expect(ana.GetByRole(AriaRole.Heading, new() { Name = "Revoke the invitation for zoe@acme.test?" })).ToBeVisibleAsync();
        await ana.Locator("section.confirm").GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(pending).ToHaveCountAsync(2);
        await ana.GetByRole(AriaRole.Link, new() { Name = "Revoke the invitation for zoe@acme.test" }).ClickAsync();
        await ScreenshotAsync(ana, output, "auth-members-revoke-invitation-1280.png", fullPage: true);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Revoke invitation" }).ClickAsync();
        await Assertions.Expect(ana.Locator(".notice")).ToContainTextAsync("The invitation for zoe@acme.test is revoked");
        await Assertions.Expect(pending).ToHaveCountAsync(1);
        await Assertions.Expect(pending).ToContainTextAsync("ben@acme.test");
        await using (var zoeContext = await journey.Browser.NewContextAsync(Desktop))
        {
            var zoe = await zoeContext.NewPageAsync();
            await zoe.GotoAsync(zoesLink);
            await Assertions.Expect(zoe.GetByRole(AriaRole.Alert)).ToContainTextAsync("This invitation link has been revoked");
            await Assertions.Expect(zoe.GetByRole(AriaRole.Link, new() { Name = "Sign in to join" })).ToHaveCountAsync(0);
        }

        // Ben, in his own browser, opens the link, creates his account and sees the list.
        await using var benContext = await journey.Browser.NewContextAsync(Desktop);
        var ben = await benContext.NewPageAsync();
        await ben.GotoAsync(invitation);
        await Assertions.Expect(ben.Locator(".lead")).ToContainTextAsync("Acme Skincare as Member");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).Last.ClickAsync();
        await SignUpAsync(ben, "ben@acme.test", workspace: null);
        await ben.GetByRole(AriaRole.Link, new() { Name = "Lists", Exact = true }).ClickAsync();
        await ben.GetByRole(AriaRole.Link, new() { Name = "Spring launch" }).ClickAsync();
        await Assertions.Expect(ben.Locator("table.accounts tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(ben.Locator(".site-footer")).ToContainTextAsync("ben@acme.test (Member)");
        await ScreenshotAsync(ben, output, "auth-list-as-invited-member-1280.png");

        // In a workspace of his own the list is not there; the switcher takes him back.
        await ben.GetByRole(AriaRole.Link, new() { Name = "New workspace", Exact = true }).ClickAsync();
        await ben.GetByLabel("Name").FillAsync("Ben's side project");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Create workspace" }).ClickAsync();
        await ben.WaitForURLAsync(journey.Url("/"));
        await Assertions.Expect(ben.GetByLabel("Workspace", new() { Exact = true })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        await ben.GotoAsync(journey.Url("/lists"));
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "No lists yet" })).ToBeVisibleAsync();
        await ben.GotoAsync(listUrl);
        await Assertions.Expect(ben.GetByRole(AriaRole.Heading, new() { Name = "List not found" })).ToBeVisibleAsync();
        await ben.GetByLabel("Workspace", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Acme Skincare" });
        await ScreenshotAsync(ben, output, "auth-switcher-1280.png");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        // He switched from a list page, so he lands on the lists of the workspace he switched to.
        await ben.WaitForURLAsync(journey.Url("/lists"));
        await ben.GotoAsync(listUrl);
        await Assertions.Expect(ben.Locator("table.accounts tbody tr")).ToHaveCountAsync(2);

        // Cleo, of another agency, signs in to her own workspace: no list, and Ana's list is not found.
        await using var cleoContext = await journey.Browser.NewContextAsync(Desktop);
        var cleo = await cleoContext.NewPageAsync();
        await cleo.GotoAsync(journey.Url("/account/sign-up"));
        await SignUpAsync(cleo, "cleo@other.test", "Other Agency");
        await cleo.GotoAsync(journey.Url("/lists"));
        await Assertions.Expect(cleo.GetByRole(AriaRole.Heading, new() { Name = "No lists yet" })).ToBeVisibleAsync();
        var missing = await cleo.GotoAsync(listUrl);
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(cleo.GetByRole(AriaRole.Heading, new() { Name = "List not found" })).ToBeVisibleAsync();
        Assert.Equal(404, (await cleo.APIRequest.GetAsync(listUrl.Replace("/lists/", "/api/v1/lists/", StringComparison.Ordinal))).Status);
        await ScreenshotAsync(cleo, output, "auth-other-workspace-1280.png");

        // The same pages at phone width do not scroll sideways.
        await using var phoneContext = await journey.Browser.NewContextAsync(Phone);
        var phone = await phoneContext.NewPageAsync();
        await SignInAsync(phone, journey.Server.Address, "ana@acme.test");
        foreach (var (path, name) in new[] { (listUrl, "auth-list-390.png"), (journey.Url("/members"), "auth-members-390.png"), (journey.Url("/"), "auth-catalogue-390.png") })
        {
            await phone.GotoAsync(path);
            Assert.True(await FitsWidthAsync(phone), $"{path} scrolls sideways at 390px");
            await ScreenshotAsync(phone, output, name);
        }
    }
}
