using System.Text.RegularExpressions;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grapevine.BrowserTests;

/// <summary>
/// A marketer looks for creators: searches with a #hashtag, narrows to micro creators as the results follow the filters,
/// opens one result's score explanation, adds the result to a new list, and finds creators like it.
/// </summary>
public class DiscoverJourneyTests(ITestOutputHelper output)
{
    // Results follow the filters after a pause and a request; on a busy machine that takes longer than Playwright's 5 s default.
    private const float LiveTimeout = 20_000;

    [Fact]
    public async Task Search_filter_explain_add_to_a_list_and_find_similar()
    {
        await using var journey = await BrowserJourney.StartAsync(SeedAsync);
        var page = await journey.SignUpAsync("dina@example.com", "Dina's Brand");

        // Discover is in the main navigation; everything matches before any filter.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Discover creators" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync(new Regex(@"^\s*36 creators match"));
        Assert.Equal(20, await page.Locator("tbody.hit").CountAsync());

        // Typing a hashtag updates the results after a pause, without pressing Search.
        await page.GetByLabel("Search", new() { Exact = true }).FillAsync("#fitness");
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync(new Regex(@"^\s*6 creators match"), new() { Timeout = LiveTimeout });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=%23fitness"), new() { Timeout = LiveTimeout });
        Assert.All(await page.Locator("tbody.hit td[data-label=Niche]").AllInnerTextsAsync(), niche => Assert.Equal("Fitness", niche.Trim()));

        // Ticking a tier narrows the results as well; the facets count what is left.
        await page.GetByRole(AriaRole.Group, new() { Name = "Tier" }).GetByLabel("Micro (10k–100k)").CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("tier=micro"), new() { Timeout = LiveTimeout });
        var tiers = await page.Locator("tbody.hit td[data-label=Tier]").AllInnerTextsAsync();
        Assert.NotEmpty(tiers);
        Assert.All(tiers, t => Assert.Equal("micro", t.Trim()));
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync(new Regex($@"^\s*{tiers.Count} creators? match"));
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Tier" }).Last.Locator(".facet-value.is-selected")).ToHaveTextAsync("micro");
        await BrowserSession.ScreenshotAsync(page, output, "discover-1280.png", fullPage: true);

        // Brand keywords rank without filtering; a one-letter word among them is ignored, and the page says so.
        await page.Locator("#discover-keywords").FillAsync("a, fitness");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("keywords=a"), new() { Timeout = LiveTimeout });
        await Assertions.Expect(page.Locator(".query-notices")).ToContainTextAsync("Ignored 'a': single letters and digits are not searchable.");
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync(new Regex($@"^\s*{tiers.Count} creators? match"));

        // Open the first result's explanation: eight parts, each with a bar and a sentence.
        var first = page.Locator("tbody.hit").First;
        var handle = (await first.GetAttributeAsync("data-handle"))!;
        var accountPath = (await first.Locator("a.account-link").GetAttributeAsync("href"))!;
        await first.Locator("details.why > summary").ClickAsync();
        var parts = first.Locator("li.fit-part");
        await Assertions.Expect(parts).ToHaveCountAsync(8);
        await Assertions.Expect(parts.Nth(0)).ToContainTextAsync("Niche match");
        await Assertions.Expect(parts.Nth(0)).ToContainTextAsync("Not counted: this search names no niche");
        await Assertions.Expect(parts.Nth(1)).ToContainTextAsync("Brand keywords");
        await Assertions.Expect(parts.Nth(1)).ToContainTextAsync(new Regex("(Uses the brand keyword fitness|None of the brand keywords \\(fitness\\))"));
        await Assertions.Expect(first.GetByRole(AriaRole.Img, new() { Name = "Engagement: contributes" })).ToBeVisibleAsync();
        await Assertions.Expect(parts.Nth(6)).ToContainTextAsync("Last posted");
        await BrowserSession.ScreenshotAsync(page, output, "discover-explained-1280.png", fullPage: false);

        // Add that one result to a new list, then see it on the list.
        await page.GetByLabel("Add ticked creators to a new list named").FillAsync("Fitness launch");
        await first.GetByRole(AriaRole.Button, new() { Name = $"Add @{handle} to the list" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"Added @{handle} to “Fitness launch”.");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("tier=micro"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the list" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fitness launch" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"@{handle}");

        // Find creators like it, from its account page.
        await page.GotoAsync(journey.Url(accountPath));
        await page.GetByRole(AriaRole.Link, new() { Name = "Find similar creators" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"similar=\\w+/{Regex.Escape(handle)}"));
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync($"like @{handle}");
        var similar = page.Locator("table.similar-table tbody tr");
        Assert.True(await similar.CountAsync() > 0);
        Assert.DoesNotContain(handle, await similar.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.handle)"));
        await Assertions.Expect(similar.First.Locator("td.reason")).ToContainTextAsync(new Regex("(shares|also uses|size)", RegexOptions.IgnoreCase));
        await BrowserSession.ScreenshotAsync(page, output, "discover-similar-1280.png", fullPage: false);

        // A facet narrows a search when clicked; a bad filter gets a message, not an error page.
        await page.GotoAsync(journey.Url("/discover"));
        var country = page.Locator("#facet-country").Locator("..").Locator("a.facet-value").First;
        var code = (await country.InnerTextAsync()).Trim();
        await country.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"country={code}"));
        Assert.All(await page.Locator("tbody.hit td[data-label=Country]").AllInnerTextsAsync(), c => Assert.Equal(code, c.Trim()));
        var bad = await page.GotoAsync(journey.Url("/discover?min_followers=lots&limit=500"));
        Assert.Equal(200, bad!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Followers, at least: 'lots' is not a number of followers");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Show: is at most 200; got 500");
        await Assertions.Expect(page.GetByLabel("Followers, at least", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        // What a user has started in the add-to-list form survives the live refresh of the results around it.
        await page.GotoAsync(journey.Url("/discover?q=%23fitness"));
        var pick = page.Locator("tbody.hit").First.Locator("input.pick");
        var picked = (await pick.GetAttributeAsync("value"))!;
        await pick.CheckAsync();
        await page.Locator("#discover-add-new").FillAsync("Summer drop");
        await page.GetByLabel("Sort by").SelectOptionAsync("followers");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=followers"), new() { Timeout = LiveTimeout });
        await Assertions.Expect(page.Locator("#discover-add-new")).ToHaveValueAsync("Summer drop");
        await Assertions.Expect(page.Locator($"input.pick[value='{picked}']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_chosen_campaign_survives_the_live_refresh_of_the_results()
    {
        await using var journey = await BrowserJourney.StartAsync(SeedAsync);
        var page = await journey.SignUpAsync("cam@example.com", "Cam's Brand");
        foreach (var name in new[] { "Autumn launch", "Winter drop" })
        {
            await page.GotoAsync(journey.Url("/campaigns/new"));
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel("Brand name").FillAsync("Oat & Co");
            await page.GetByLabel("Goal").SelectOptionAsync("engagement");
            await page.GetByLabel("Budget", new() { Exact = true }).FillAsync("1200");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        }

        await page.GotoAsync(journey.Url("/discover?q=%23fitness"));
        var campaign = page.Locator("#discover-add-campaign");
        var options = await campaign.Locator("option").AllInnerTextsAsync();
        Assert.Equal(2, options.Count);
        // The one not selected by default, so that a freshly rendered form would show a different choice.
        var chosen = await campaign.Locator("option").Nth(1).GetAttributeAsync("value");
        await campaign.SelectOptionAsync(chosen!);
        await page.GetByLabel("Sort by").SelectOptionAsync("followers");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("sort=followers"), new() { Timeout = LiveTimeout });
        await Assertions.Expect(page.Locator(".result-count")).ToContainTextAsync("sorted by followers", new() { Timeout = LiveTimeout });
        await Assertions.Expect(campaign).ToHaveValueAsync(chosen!);
    }

    [Fact]
    public async Task Without_scripts_the_form_still_searches_and_phones_get_cards()
    {
        await using var journey = await BrowserJourney.StartAsync(SeedAsync);
        await using (var setup = await journey.Browser.NewContextAsync(BrowserSession.Desktop))
        {
            var page = await setup.NewPageAsync();
            await page.GotoAsync(journey.Url("/account/sign-up"));
            await BrowserSession.SignUpAsync(page, "noel@example.com", "Noel's Brand");
        }

        var options = BrowserSession.Desktop;
        options.JavaScriptEnabled = false;
        await using var noScript = await journey.Browser.NewContextAsync(options);
        var plain = await noScript.NewPageAsync();
        await BrowserSession.SignInAsync(plain, journey.Server.Address, "noel@example.com");
        await plain.GotoAsync(journey.Url("/discover"));
        await plain.GetByRole(AriaRole.Group, new() { Name = "Platform" }).First.GetByLabel("TikTok").CheckAsync();
        await plain.GetByLabel("Sort by").SelectOptionAsync("followers");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(plain).ToHaveURLAsync(new Regex("platform=tiktok.*sort=followers"));
        var followers = (await plain.Locator("tbody.hit td[data-label=Followers]").AllInnerTextsAsync()).Select(f => long.Parse(f.Replace(",", ""))).ToList();
        Assert.NotEmpty(followers);
        Assert.Equal(followers.OrderDescending(), followers);
        Assert.All(await plain.Locator("tbody.hit .platform-name").AllInnerTextsAsync(), p => Assert.Equal("TikTok", p));
        // The explanation opens without a script too.
        await plain.Locator("tbody.hit details.why > summary").First.ClickAsync();
        await Assertions.Expect(plain.Locator("tbody.hit").First.Locator("li.fit-part")).ToHaveCountAsync(8);

        await using var phoneContext = await journey.Browser.NewContextAsync(BrowserSession.Phone);
        var phone = await phoneContext.NewPageAsync();
        await BrowserSession.SignInAsync(phone, journey.Server.Address, "noel@example.com");
        await phone.GotoAsync(journey.Url("/discover?q=%23travel"));
        await Assertions.Expect(phone.Locator("tbody.hit").First).ToBeVisibleAsync();
        await phone.Locator("tbody.hit details.why > summary").First.ClickAsync();
        Assert.True(await BrowserSession.FitsWidthAsync(phone), "Discover scrolls sideways at 390px");
        await phone.Locator("tbody.hit").First.ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(phone, output, "discover-390.png", fullPage: false);
    }

    [Fact]
    public async Task Sorted_by_growth_the_results_fit_their_card_at_desktop_and_phone_width()
    {
        await using var journey = await BrowserJourney.StartAsync(SeedAsync);
        var page = await journey.SignUpAsync("gia@example.com", "Gia's Brand");

        // Growth adds a column; the table still fits its card, so every row's buttons show without scrolling sideways.
        await page.GotoAsync(journey.Url("/discover?sort=growth&limit=200"));
        await Assertions.Expect(page.Locator("th", new() { HasText = "Growth (30 d)" })).ToBeVisibleAsync();
        var (table, wrap) = (await page.Locator("table.discover-table").EvaluateAsync<int>("t => t.scrollWidth"),
            await page.Locator(".table-wrap").EvaluateAsync<int>("w => w.clientWidth"));
        await page.Locator("table.discover-table").ScrollIntoViewIfNeededAsync();
        await BrowserSession.ScreenshotAsync(page, output, "discover-growth-1280.png", fullPage: false);
        Assert.True(table <= wrap, $"the table is {table}px wide in a {wrap}px card");
        foreach (var button in await page.Locator("tbody.hit td.actions-cell .button").AllAsync())
            Assert.True(await BrowserSession.IsWithinWidthAsync(page, button), "a row's button is cut off at 1280px");

        await journey.CheckOnPhoneAsync(page, "/discover?sort=growth", output, "discover-growth-390.png");
    }

    // The sample catalogue is dated 1 Nov 2026; its posts are moved to lead up to today, so that #tags stay inside the
    // default 90-day window whenever the test runs, and given the hashtags an import reads from their captions. Then
    // the search profiles are built from it.
    private static async Task SeedAsync(GrapevineDb db)
    {
        await SampleCatalogue.SeedAsync(db);
        var shift = TimeProvider.System.GetUtcNow().UtcDateTime - SampleCatalogue.AsOf;
        foreach (var post in await db.Posts.ToListAsync())
        {
            post.PostedAt += shift;
            (post.Hashtags, post.Mentions) = CaptionTags.Extract(post.Caption);
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await new SearchProfileRefresher(db, TimeProvider.System).RefreshAllAsync();
    }
}
