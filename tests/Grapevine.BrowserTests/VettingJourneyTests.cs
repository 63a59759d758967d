using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Grapevine.BrowserTests;

/// <summary>A marketer vets a creator before booking: the account page's Vetting section says red and shows why.</summary>
public class VettingJourneyTests(ITestOutputHelper output)
{
    private const string Handle = "bought.followers";

    [Fact]
    public async Task The_account_page_shows_the_verdict_the_growth_anomaly_and_the_comment_breakdown()
    {
        await using var journey = await BrowserJourney.StartAsync(async db =>
        {
            await SampleCatalogue.SeedAsync(db, count: 12);
            await SeedBoughtAudienceAsync(db);
        });

        await using var desktopContext = await journey.Browser.NewContextAsync(BrowserSession.Desktop);
        var desktop = await desktopContext.NewPageAsync();
        await desktop.GotoAsync(journey.Url("/"));
        await desktop.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await desktop.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).First.ClickAsync();
        await BrowserSession.SignUpAsync(desktop, "vera@example.com", "Vera's Brand");
        await desktop.GotoAsync(journey.Url($"/accounts/instagram/{Handle}"));

        var vetting = desktop.GetByRole(AriaRole.Region, new() { Name = "Vetting", Exact = true });
        await Assertions.Expect(vetting).ToBeVisibleAsync();
        await Assertions.Expect(vetting.Locator(".vetting-verdict")).ToContainTextAsync("Red");
        await Assertions.Expect(vetting.GetByRole(AriaRole.List, new() { Name = "Reasons for the verdict" }))
            .ToContainTextAsync("unexplained follower spike");
        Assert.Equal(7, await vetting.Locator("article.vetting-signal").CountAsync());
        await Assertions.Expect(vetting.Locator("article[data-signal=follower_growth]")).ToHaveAttributeAsync("data-verdict", "concern");
        await Assertions.Expect(vetting.Locator("article[data-signal=follower_growth] .metric-basis")).ToContainTextAsync("Expected");

        // The growth chart marks the spike, and says in words what it is.
        await Assertions.Expect(desktop.GetByRole(AriaRole.Img, new() { Name = "Growth anomalies" })).ToBeVisibleAsync();
        Assert.Equal(1, await vetting.Locator("svg g.anomaly[data-kind=unexplained] circle").CountAsync());
        await Assertions.Expect(vetting.Locator("ul.vetting-spikes li[data-kind=unexplained]")).ToContainTextAsync("Unexplained spike");

        // The comment breakdown counts each kind.
        var breakdown = vetting.Locator("table.comment-breakdown");
        await Assertions.Expect(breakdown.Locator("tr[data-kind=emoji_only] td[data-label=Comments]")).ToHaveTextAsync("7");
        await Assertions.Expect(breakdown.Locator("tr[data-kind=spam] td[data-label=Comments]")).ToHaveTextAsync("6");
        await Assertions.Expect(breakdown.Locator("tr[data-kind=substantive] td[data-label=Comments]")).ToHaveTextAsync("0");

        // The brand-safety match links to the post.
        await Assertions.Expect(vetting.Locator("table.vetting-safety a")).ToHaveAttributeAsync("href", "https://www.instagram.com/p/boug04/");
        await BrowserSession.ScreenshotAsync(desktop, output, "vetting-1280.png", fullPage: true);

        // At phone width the section fits without sideways scrolling.
        await using var phoneContext = await journey.Browser.NewContextAsync(BrowserSession.Phone);
        var phone = await phoneContext.NewPageAsync();
        await BrowserSession.SignInAsync(phone, journey.Server.Address, "vera@example.com");
        await phone.GotoAsync(journey.Url($"/accounts/instagram/{Handle}"));
        await Assertions.Expect(phone.Locator("#vetting .vetting-verdict")).ToBeVisibleAsync();
        Assert.True(await BrowserSession.FitsWidthAsync(phone), "the account page with its Vetting section scrolls sideways at 390px");
    }

    [Fact]
    public async Task At_phone_width_the_account_page_with_posts_matches_and_a_chart_fits_and_every_column_is_readable()
    {
        await using var journey = await BrowserJourney.StartAsync(async db =>
        {
            await SampleCatalogue.SeedAsync(db, count: 12);
            await SeedBoughtAudienceAsync(db);
            await SeedErMedianAsync(db, 3.4);
        });
        var phone = await journey.SignUpAsync("pia@example.com", "Pia's Brand", BrowserSession.Phone);
        await phone.GotoAsync(journey.Url($"/accounts/instagram/{Handle}"));

        var legend = phone.Locator("figure.chart .legend", new() { HasText = "median 3.40% (ER by followers)" });
        await Assertions.Expect(legend).ToBeVisibleAsync();
        var openPost = phone.Locator("table.vetting-safety").GetByRole(AriaRole.Link, new() { Name = "Open post" });
        await Assertions.Expect(openPost).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(phone, output, "account-vetting-390.png", fullPage: true);
        await phone.Locator("table.vetting-safety").ScreenshotAsync(new() { Path = BrowserSession.OutputPath("account-vetting-safety-390.png") });
        await phone.Locator("table.recent-posts").ScreenshotAsync(new() { Path = BrowserSession.OutputPath("account-posts-390.png") });
        await phone.Locator("section[aria-labelledby=engagement-heading]").ScreenshotAsync(new() { Path = BrowserSession.OutputPath("account-engagement-390.png") });

        Assert.True(await BrowserSession.FitsWidthAsync(phone), "the account page with posts, matches and charts is wider than the 390px screen");
        Assert.True(await BrowserSession.IsWithinWidthAsync(phone, legend), "the engagement chart's legend sticks out of the screen at 390px");
        Assert.True(await BrowserSession.IsWithinWidthAsync(phone, openPost), "the brand-safety match's Open post link is off-screen at 390px");
        Assert.True(await BrowserSession.IsWithinWidthAsync(phone, phone.Locator("table.vetting-safety td[data-label=Caption]").First),
            "the brand-safety match's caption is off-screen at 390px");
        // The comment breakdown's Share column is not hidden behind a sideways scroll of its own.
        Assert.True(await phone.Locator("table.comment-breakdown").EvaluateAsync<bool>("t => t.scrollWidth <= t.closest('.table-wrap').clientWidth"),
            "the comment breakdown is wider than its box at 390px: the Share column is scrolled out of sight");
        var posts = phone.Locator("table.recent-posts tbody tr").First;
        foreach (var column in new[] { "Date", "Caption", "Likes", "ER", "Sponsored" })
            Assert.True(await BrowserSession.IsWithinWidthAsync(phone, posts.Locator($"td[data-label={column}]")), $"the recent posts' {column} column is off-screen at 390px");

        // Every header link can be seen: none hides past the right edge.
        var links = phone.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link);
        Assert.True(await links.CountAsync() >= 8);
        for (var i = 0; i < await links.CountAsync(); i++)
            Assert.True(await BrowserSession.IsWithinWidthAsync(phone, links.Nth(i)), $"the header link '{await links.Nth(i).InnerTextAsync()}' is off-screen at 390px");
    }

    private static async Task SeedErMedianAsync(GrapevineDb db, double median)
    {
        var account = db.Accounts.Single(a => a.Handle == Handle);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        db.AccountMetrics.Add(new AccountMetric
        {
            AccountId = account.Id,
            Name = MetricDefinitions.ErByFollowers.Name,
            Value = median,
            Formula = MetricDefinitions.ErByFollowers.Formula,
            N = 12,
            WindowStart = now.AddDays(-60),
            WindowEnd = now,
            ComputedAt = now,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>An Instagram account whose followers jumped 30% in one week with no post behind it, with bot comments.</summary>
    private static async Task SeedBoughtAudienceAsync(GrapevineDb db)
    {
        // The server under test is a real process on the system clock, so the history is dated from that clock.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        var followers = 10_000.0;
        var snapshots = new List<AccountSnapshot>();
        for (var w = 0; w <= 26; w++)
        {
            if (w > 0)
                followers *= 1.005 + (w % 3 - 1) * 0.001 + (w == 16 ? 0.3 : 0);
            snapshots.Add(new AccountSnapshot { At = now.AddDays(7 * (w - 26)), Followers = (long)Math.Round(followers) });
        }
        var account = new Account
        {
            Creator = new Creator { DisplayName = "Bought Followers" },
            Platform = Platform.Instagram,
            Handle = Handle,
            DisplayName = "Bought Followers",
            Followers = (long)Math.Round(followers),
            Tier = "micro",
            UpdatedAt = now,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        foreach (var s in snapshots)
            s.AccountId = account.Id;
        db.AccountSnapshots.AddRange(snapshots);
        for (var i = 0; i < 30; i++)
        {
            var caption = i == 4 ? "Big night at the CASINO with the crew" : $"Morning walk number {i} by the river";
            db.Posts.Add(new Post
            {
                AccountId = account.Id,
                ExternalId = $"boug{i:00}",
                PostedAt = now.AddDays(-2 - 5 * i),
                Type = PostType.Photo,
                Caption = caption,
                Hashtags = CaptionTags.Extract(caption).Hashtags,
                Likes = 300 + i % 4 * 10,
                Comments = 15,
            });
        }
        for (var i = 0; i < 20; i++)
        {
            db.CommentSamples.Add(new CommentSample
            {
                AccountId = account.Id,
                CommentId = $"c{i}",
                PostExternalId = $"boug{i % 5:00}",
                Author = $"user{i % 7}",
                Text = (i % 3) switch { 0 => "Nice pic", 1 => "🔥🔥🔥", _ => "Great content! DM us to collaborate" },
            });
        }
        await db.SaveChangesAsync();
    }
}
