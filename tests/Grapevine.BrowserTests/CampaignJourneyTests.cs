using System.Text.RegularExpressions;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grapevine.BrowserTests;

/// <summary>
/// A marketer plans a campaign: creates it, adds candidates from a search, plans, moves the budget slider to see what
/// less money buys, and exports the plan.
/// </summary>
public class CampaignJourneyTests(ITestOutputHelper output)
{
    private const float PlanTimeout = 30_000;

    [Fact]
    public async Task Create_a_campaign_add_candidates_plan_change_the_budget_and_export()
    {
        await using var server = await GrapevineServer.StartAsync(SeedAsync);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserSession.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(BrowserSession.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/account/sign-up").ToString());
        await BrowserSession.SignUpAsync(page, "cora@example.com", "Cora's Brand");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New campaign" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Autumn launch");
        await page.GetByLabel("Brand", new() { Exact = true }).FillAsync("Oat & Co");
        await page.GetByLabel("Goal").SelectOptionAsync("engagement");
        await page.GetByLabel("Budget (USD)").FillAsync("1500");
        await page.GetByLabel("Platforms (comma separated)").FillAsync("instagram, tiktok");
        await page.GetByLabel("Per creator", new() { Exact = true }).FillAsync("instagram_post:1, tiktok_video:1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Autumn launch" })).ToBeVisibleAsync();

        await page.GetByLabel("Tiers").FillAsync("nano, micro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the top results" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync(new Regex(@"\d+ new candidates added"));
        Assert.True(await page.Locator("tr.candidate").CountAsync() > 5);

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
    }

    private static async Task SeedAsync(GrapevineDb db)
    {
        var now = TimeProvider.System.GetUtcNow();
        await new DemoSeeder(db, TimeProvider.System).SeedAsync(new DemoOptions(150, 5, now.UtcDateTime.Date), null, default);
    }
}
