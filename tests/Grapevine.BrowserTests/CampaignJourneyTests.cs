using System.Text.RegularExpressions;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grapevine.BrowserTests;

/// <summary>
/// A marketer plans a campaign: sets it up with the full form, edits it, adds candidates from a search, marks one
/// must-include, plans, moves the budget slider to see what less money buys, exports the plan and archives the campaign.
/// </summary>
public class CampaignJourneyTests(ITestOutputHelper output)
{
    private const float PlanTimeout = 30_000;

    [Fact]
    public async Task Create_a_campaign_add_candidates_plan_change_the_budget_and_export()
    {
        await using var journey = await BrowserJourney.StartAsync(SeedAsync);
        var page = await journey.SignUpAsync("cora@example.com", "Cora's Brand");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Autumn launch");
        await page.GetByLabel("Goal").SelectOptionAsync("engagement");
        await page.GetByLabel("Budget", new() { Exact = true }).FillAsync("1200");
        await page.GetByLabel("Starts on").FillAsync("2027-09-01");
        await page.GetByLabel("Ends on").FillAsync("2027-09-30");
        await page.GetByLabel("Brand name").FillAsync("Oat & Co");
        await page.GetByLabel("Keywords (comma separated)").FillAsync("oat milk, barista");
        await page.GetByLabel("Competitors (comma separated)").FillAsync("oatly");
        await page.GetByLabel("Brand values").FillAsync("Plant-based and honest");
        await page.GetByLabel("Food", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("TikTok", new() { Exact = true }).CheckAsync();
        // Adding a deliverable row posts the form and shows it again with everything typed so far.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a deliverable" }).ClickAsync();
        await page.GetByLabel("Deliverable 2", new() { Exact = true }).SelectOptionAsync("tiktok_video");
        await Assertions.Expect(page.GetByLabel("Keywords (comma separated)")).ToHaveValueAsync("oat milk, barista");
        await page.GetByLabel("Countries (comma separated)").FillAsync("US, GB");
        await page.GetByLabel("Languages (comma separated)").FillAsync("en");
        await page.GetByLabel("Youngest age").FillAsync("18");
        await page.GetByLabel("Oldest age").FillAsync("34");
        await page.GetByLabel("Gender").SelectOptionAsync("female");
        await page.GetByLabel("Interests (comma separated)").FillAsync("coffee");
        await page.GetByLabel("Impressions", new() { Exact = true }).FillAsync("250000");
        await page.GetByLabel("Gift cost per creator").FillAsync("30");
        await page.GetByLabel("Click-through rate (%)").FillAsync("2");
        await BrowserSession.ScreenshotAsync(page, output, "campaign-form-1280.png", fullPage: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autumn launch" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".campaign-setup")).ToContainTextAsync("1× TikTok video");
        await Assertions.Expect(page.Locator(".campaign-setup")).ToContainTextAsync("18–34");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Budget", new() { Exact = true }).FillAsync("1500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).Last.ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The set-up is saved");
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("budget 1,500 USD");

        await page.GetByLabel("Tiers").FillAsync("nano, micro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the top results" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync(new Regex(@"\d+ new candidates added"));
        Assert.True(await page.Locator("tr.candidate").CountAsync() > 10);
        // A long table has its buttons above it too: nobody scrolls past every row to save.
        var topActions = page.Locator(".candidate-actions-top");
        await Assertions.Expect(topActions.GetByRole(AriaRole.Button, new() { Name = "Save candidates" })).ToBeVisibleAsync();
        Assert.True((await topActions.BoundingBoxAsync())!.Y < (await page.Locator("tr.candidate").First.BoundingBoxAsync())!.Y);
        await page.Locator("tr.candidate").First.GetByRole(AriaRole.Combobox).SelectOptionAsync("mustinclude");
        await topActions.GetByRole(AriaRole.Button, new() { Name = "Save candidates" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("1 candidate saved.");
        await Assertions.Expect(page.Locator("tr.candidate").First.GetByRole(AriaRole.Combobox)).ToHaveValueAsync("mustinclude");
        await BrowserSession.ScreenshotAsync(page, output, "campaign-1280.png", fullPage: true);

        var campaignPath = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan →" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No plan yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-stat=cost]")).ToContainTextAsync("of $1,500", new() { Timeout = PlanTimeout });
        await Assertions.Expect(page.Locator("svg.budget-curve")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.budget-bars").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("tr.plan-creator").CountAsync() > 0);
        await BrowserSession.ScreenshotAsync(page, output, "plan-1280.png", fullPage: true);

        // Letting go of the slider plans again at the new budget.
        await page.Locator("#budget-slider").FillAsync("600");
        await Assertions.Expect(page.Locator("[data-stat=cost]")).ToContainTextAsync("of $600", new() { Timeout = PlanTimeout });
        await Assertions.Expect(page.GetByLabel("Budget (USD)")).ToHaveValueAsync("600");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path!);
        Assert.StartsWith("platform,handle,tier", lines[0]);
        Assert.Equal(await page.Locator("tr.plan-creator").CountAsync() + 1, lines.Length);

        await page.GetByRole(AriaRole.Link, new() { Name = "Autumn launch" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Archive…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive campaign" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unarchive" })).ToBeVisibleAsync();

        await journey.CheckOnPhoneAsync(page, "/campaigns/new", output, "campaign-form-390.png", fullPage: true);
        await journey.CheckOnPhoneAsync(page, campaignPath, output, "campaign-390.png", fullPage: true);
        // The saved plan's tables (expected results, what more or less money buys) scroll in their cards, not the page.
        await journey.CheckOnPhoneAsync(page, campaignPath + "/plan", output, "plan-390.png", fullPage: true);
    }

    private static async Task SeedAsync(GrapevineDb db)
    {
        var now = TimeProvider.System.GetUtcNow();
        await new DemoSeeder(db, TimeProvider.System).SeedAsync(new DemoOptions(150, 5, now.UtcDateTime.Date), null, default);
    }
}
