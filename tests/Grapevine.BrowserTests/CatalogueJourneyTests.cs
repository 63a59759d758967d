using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grapevine.BrowserTests;

/// <summary>A marketer's first visit: browse the catalogue, narrow it to micro creators, open one and read its metrics.</summary>
public class CatalogueJourneyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Filter_by_tier_open_an_account_and_read_its_metric_definitions()
    {
        await using var journey = await BrowserJourney.StartAsync(db => SampleCatalogue.SeedAsync(db));
        var outputFolder = OutputFolder();

        // The catalogue is for signed-in members: a first visit lands on sign-in, and signing up makes a workspace.
        await using var desktopContext = await journey.Browser.NewContextAsync(BrowserSession.Desktop);
        var desktop = await desktopContext.NewPageAsync();
        await desktop.GotoAsync(journey.Url("/"));
        await desktop.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).First.ClickAsync();
        await BrowserSession.SignUpAsync(desktop, "mia@example.com", "Mia's Brand");
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Creator catalogue" })).ToBeVisibleAsync();
        Assert.Equal(36, await desktop.Locator("table.accounts tbody tr").CountAsync());
        Assert.NotEqual("rgba(0, 0, 0, 0)", await desktop.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await Screenshot(desktop, outputFolder, "catalogue-1280.png", fullPage: false);

        // The first Tab lands on the skip link, which becomes visible.
        await desktop.Keyboard.PressAsync("Tab");
        await Assertions.Expect(desktop.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await Assertions.Expect(desktop.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeInViewportAsync();

        // Filter by tier with the keyboard-reachable form.
        await desktop.GetByLabel("Tier").SelectOptionAsync("micro");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await desktop.WaitForURLAsync(url => url.Contains("tier=micro", StringComparison.Ordinal));
        var tiers = await desktop.Locator("table.accounts tbody td[data-label=Tier]").AllInnerTextsAsync();
        Assert.NotEmpty(tiers);
        Assert.All(tiers, t => Assert.Equal("micro", t.Trim()));
        await Assertions.Expect(desktop.Locator(".result-count")).ToContainTextAsync($"{tiers.Count} accounts match");
        await Screenshot(desktop, outputFolder, "catalogue-micro-1280.png", fullPage: true);

        // Open the first account of the filtered list.
        var first = desktop.Locator("table.accounts tbody tr").First.Locator("a.account-link");
        var name = (await first.Locator(".display-name").InnerTextAsync()).Trim();
        await first.ClickAsync();
        await desktop.WaitForURLAsync(url => url.Contains("/accounts/", StringComparison.Ordinal));
        await Assertions.Expect(desktop.Locator("h1")).ToContainTextAsync(name);
        var cards = desktop.Locator(".metric-card");
        Assert.Equal(9, await cards.CountAsync());
        var er = desktop.GetByRole(AriaRole.Article, new() { Name = "ER by followers", Exact = true });
        await Assertions.Expect(er.Locator(".metric-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d\d%$"));
        await Assertions.Expect(er.Locator(".metric-definition")).ToContainTextAsync("Median over the last 12 feed posts");
        await Assertions.Expect(er.Locator(".metric-basis")).ToContainTextAsync("12");
        foreach (var definition in await cards.Locator(".metric-definition").AllInnerTextsAsync())
            Assert.True(definition.Length > 40, $"metric definition too short: '{definition}'");
        await Assertions.Expect(desktop.GetByRole(AriaRole.Article, new() { Name = "ER by reach", Exact = true }).Locator(".metric-value")).ToHaveTextAsync("unknown");
        await Assertions.Expect(desktop.GetByRole(AriaRole.Img, new() { Name = "Followers over time" })).ToBeVisibleAsync();
        await Assertions.Expect(desktop.GetByRole(AriaRole.Img, new() { Name = "Engagement rate per recent feed post" })).ToBeVisibleAsync();
        Assert.Equal(12, await desktop.Locator("svg g.bar rect").CountAsync());
        await Screenshot(desktop, outputFolder, "account-1280.png", fullPage: true);
        var accountUrl = desktop.Url;

        // The same pages at phone width: no sideways scrolling of the page itself.
        await using var phoneContext = await journey.Browser.NewContextAsync(BrowserSession.Phone);
        var phone = await phoneContext.NewPageAsync();
        await BrowserSession.SignInAsync(phone, journey.Server.Address, "mia@example.com");
        await phone.GotoAsync(journey.Url("/?tier=micro"));
        await Assertions.Expect(phone.Locator("table.accounts tbody tr").First).ToBeVisibleAsync();
        Assert.True(await BrowserSession.FitsWidthAsync(phone), "catalogue scrolls sideways at 390px");
        await Screenshot(phone, outputFolder, "catalogue-390.png", fullPage: false);
        await phone.GotoAsync(accountUrl);
        await Assertions.Expect(phone.Locator(".metric-card").First).ToBeVisibleAsync();
        Assert.True(await BrowserSession.FitsWidthAsync(phone), "account page scrolls sideways at 390px");
        // The price table's rows become cards: the deliverable's "in searches" badge stays inside its own cell.
        var deliverable = phone.Locator("table.rate-card tbody tr").First.Locator("td").First;
        var cell = await deliverable.BoundingBoxAsync();
        var badge = await deliverable.Locator(".badge").BoundingBoxAsync();
        Assert.True(cell is not null && badge is not null && badge.X + badge.Width <= cell.X + cell.Width + 0.5,
            $"the 'in searches' badge runs out of its cell at 390px ({badge?.X + badge?.Width} > {cell?.X + cell?.Width})");
        await Screenshot(phone, outputFolder, "account-390.png", fullPage: false);
        await Screenshot(phone, outputFolder, "account-390-full.png", fullPage: true);

        // An unknown account answers 404 with a page that says so.
        var missing = await desktop.GotoAsync(journey.Url("/accounts/instagram/nobody.at.all"));
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(desktop.GetByRole(AriaRole.Heading, new() { Name = "Account not found" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_follower_filter_that_is_not_a_number_says_so_and_10k_means_ten_thousand()
    {
        await using var journey = await BrowserJourney.StartAsync(db => SampleCatalogue.SeedAsync(db));
        var page = await journey.SignUpAsync("noa@example.com", "Noa's Brand");
        var rows = page.Locator("table.accounts tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(36);

        // What the browser cannot read as a number reaches the page, which says so next to the field and lists nothing.
        await page.GetByLabel("Followers, at least").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("minFollowers=abc", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#filter-min-error")).ToHaveTextAsync("'abc' is not a number of followers (e.g. 10000, 10k, 1.5m)");
        await Assertions.Expect(page.GetByLabel("Followers, at least")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some filters need fixing");
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".result-count")).ToHaveCountAsync(0);

        // 10k is ten thousand, as on the Discover page.
        await page.GetByLabel("Followers, at least").FillAsync("10k");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("minFollowers=10k", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#filter-min-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Followers, at least")).ToHaveValueAsync("10k");
        var followers = await page.Locator("table.accounts tbody td[data-label=Followers]").AllInnerTextsAsync();
        Assert.NotEmpty(followers);
        Assert.True(followers.Count < 36, "the filter applied");
        Assert.All(followers, f => Assert.True(ParseShown(f) >= 10_000, $"{f} is under 10k"));
    }

    // The table shows 12,345 or 12.3k; this reads either back well enough to compare with 10,000.
    private static double ParseShown(string text)
    {
        var t = text.Trim().Replace(",", "");
        var multiplier = t.EndsWith('k') ? 1_000 : t.EndsWith('M') || t.EndsWith('m') ? 1_000_000 : 1;
        return double.Parse(multiplier == 1 ? t : t[..^1], System.Globalization.CultureInfo.InvariantCulture) * multiplier;
    }

    private async Task Screenshot(IPage page, string folder, string name, bool fullPage)
    {
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
    }

    private static string OutputFolder()
    {
        var folder = Environment.GetEnvironmentVariable("GRAPEVINE_TEST_OUTPUT") is { Length: > 0 } configured
            ? configured
            : AppContext.BaseDirectory;
        Directory.CreateDirectory(folder);
        return folder;
    }
}
