using System.Net;
using System.Text.RegularExpressions;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Web;

/// <summary>The server-rendered pages, read as HTML through the real host.</summary>
public class CataloguePagesTests
{
    [Theory, BothProviders]
    public async Task Catalogue_page_lists_filters_and_links_accounts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await AccountsApiTests.SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        var all = await PageAsync(client, "/");
        Assert.Contains($"<strong>{seeded.Count}</strong> accounts match", all);
        var firstPage = seeded.OrderBy(s => s.Followers is null).ThenByDescending(s => s.Followers).ThenBy(s => s.Id).Take(50);
        foreach (var s in firstPage)
            Assert.Contains($"href=\"/accounts/{s.Platform}/{s.Handle}\"", all);

        var micro = seeded.Where(s => s.Tier == "micro").ToList();
        var filtered = await PageAsync(client, "/?tier=micro&platform=");
        Assert.Contains($"<strong>{micro.Count}</strong> accounts match", filtered);
        Assert.Contains("<option value=\"micro\" selected>", filtered);
        foreach (var s in seeded)
            Assert.Equal(s.Tier == "micro", filtered.Contains($"/accounts/{s.Platform}/{s.Handle}\"", StringComparison.Ordinal));

        var none = await PageAsync(client, "/?minFollowers=999999999");
        Assert.Contains("No accounts match these filters", none);
        Assert.Contains("clear filters", none);

        var bad = await PageAsync(client, "/?minFollowers=lots&platform=myspace");
        Assert.Contains("Some filters need fixing", bad);
        Assert.Contains("<strong>minFollowers</strong>: 'lots' is not a number of followers (e.g. 10000, 10k, 1.5m)", bad);
        Assert.Contains("<p class=\"field-error\" id=\"filter-min-error\">'lots' is not a number of followers", bad);
        Assert.Contains("aria-describedby=\"filter-min-error\"", bad);
        Assert.DoesNotContain("accounts match", bad);

        // Followers read as people type them, as on the Discover page: 10k is ten thousand.
        var tenK = await PageAsync(client, "/?minFollowers=10k&maxFollowers=1.5m");
        var atLeastTenK = seeded.Count(s => s.Followers is >= 10_000 and <= 1_500_000);
        Assert.Contains($"<strong>{atLeastTenK}</strong> {(atLeastTenK == 1 ? "account matches" : "accounts match")}", tenK);
        Assert.Contains("value=\"10k\"", tenK);
        Assert.Contains("<strong>platform</strong>: unknown platform 'myspace'", bad);
    }

    [Theory, BothProviders]
    public async Task Catalogue_page_pages_with_cursors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await AccountsApiTests.SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        var seen = new List<string>();
        var url = "/?sort=handle&limit=10";
        for (var i = 0; i < 10 && url is not null; i++)
        {
            var html = await PageAsync(client, url);
            seen.AddRange(Regex.Matches(html, "href=\"/accounts/[a-z]+/([a-z0-9]+)\"").Select(m => m.Groups[1].Value));
            var next = Regex.Match(html, "href=\"([^\"]+)\" rel=\"next\"");
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Value) : null;
        }
        Assert.Equal(seeded.Select(s => s.Handle).Order(StringComparer.Ordinal), seen);
    }

    [Theory, BothProviders]
    public async Task Empty_catalogue_says_how_to_fill_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        var html = await PageAsync(client, "/?tier=nano");
        Assert.Contains("The catalogue is empty", html);
        Assert.Contains("grapevine import", html);
        Assert.Contains("grapevine demo", html);
    }

    [Theory, BothProviders]
    public async Task Account_page_shows_profile_metric_cards_charts_and_posts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await CatalogueTestData.SeedDetailedAsync(db);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        var html = await PageAsync(client, "/accounts/instagram/mara.moves");
        Assert.Contains("Mara Okafor", html);
        Assert.Contains("Strength coach. Berlin.", html);
        Assert.Contains("20,000", html);
        foreach (var definition in MetricDefinitions.All)
        {
            Assert.Contains(definition.Label, html);
            Assert.Contains(definition.Definition, html);
        }
        Assert.Contains("2.35%", html);
        Assert.Contains("28 Sep 2026 – 31 Oct 2026", html);
        Assert.Contains("<title id=\"followers-chart-title\">Followers over time</title>", html);
        Assert.Contains("<title id=\"er-chart-title\">Engagement rate per recent feed post</title>", html);
        Assert.Equal(12, Regex.Count(html, "<g class=\"bar( sponsored)?\">"));
        Assert.Contains("Post number 0 #training", html);
        Assert.Contains(">story<", html);
    }

    [Theory, BothProviders]
    public async Task Account_page_marks_posts_sponsored_as_the_sponsored_share_metric_counts_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var account = await CatalogueTestData.SeedDetailedAsync(db);
            // No paid-partnership label, but disclosed with #ad: Sponsored share counts it, so the page must too.
            var disclosed = await db.Posts.SingleAsync(p => p.AccountId == account.Id && p.ExternalId == "p01");
            (disclosed.Caption, disclosed.Hashtags, disclosed.IsPaidPartnership) = ("Post number 1 #ad #training", "ad training", null);
            var labelled = await db.Posts.SingleAsync(p => p.AccountId == account.Id && p.ExternalId == "p02");
            labelled.IsPaidPartnership = false;
            await db.SaveChangesAsync();
        }
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        var html = await PageAsync(client, "/accounts/instagram/mara.moves");
        // p05 carries the label, p01 the hashtag: both are orange bars, both say so in the table.
        Assert.Equal(2, Regex.Count(html, "<g class=\"bar sponsored\">"));
        Assert.Equal(10, Regex.Count(html, "<g class=\"bar\">"));
        Assert.Matches(new Regex("Post number 1 #ad #training</td>.*?<td data-label=\"Sponsored\">Yes \\(#ad\\)</td>", RegexOptions.Singleline), html);
        Assert.Matches(new Regex("Post number 5 #training</td>.*?<td data-label=\"Sponsored\">Yes</td>", RegexOptions.Singleline), html);
        Assert.Matches(new Regex("Post number 2 #training</td>.*?<td data-label=\"Sponsored\">No</td>", RegexOptions.Singleline), html);
    }

    [Theory, BothProviders]
    public async Task Account_page_links_a_website_given_without_its_scheme_and_never_a_script(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            var account = await CatalogueTestData.SeedDetailedAsync(db);
            account.ExternalUrl = "linktr.ee/mara";
            db.Accounts.Add(new Core.Catalogue.Account
            {
                Creator = new Core.Catalogue.Creator { DisplayName = "Eve" },
                Platform = Core.Catalogue.Platform.Instagram,
                Handle = "eve",
                ExternalUrl = "javascript:alert(1)",
                UpdatedAt = CatalogueTestData.AsOf,
            });
            await db.SaveChangesAsync();
        }
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        // The import takes linktr.ee/mara as profiles show it; the page links it rather than showing dead text.
        Assert.Contains("<a href=\"https://linktr.ee/mara\" rel=\"nofollow noopener\" target=\"_blank\">linktr.ee/mara</a>", await PageAsync(client, "/accounts/instagram/mara.moves"));
        var eve = await PageAsync(client, "/accounts/instagram/eve");
        Assert.Contains("javascript:alert(1)", eve);
        Assert.DoesNotContain("href=\"javascript:", eve);
        Assert.DoesNotContain("href=\"https://javascript", eve);
    }

    [Theory, BothProviders]
    public async Task Unknown_account_page_is_a_404_that_says_what_is_missing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();

        var response = await client.GetAsync("/accounts/tiktok/nobody");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Account not found", html);
        Assert.Contains("no TikTok account @nobody", html);

        var page = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task A_failure_shows_an_error_page_or_problem_never_a_stack_trace(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AccountsApiTests.SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateSignedInClientAsync();
        await using (var db = database.CreateContext())
            await db.Database.ExecuteSqlRawAsync("DROP TABLE account_metrics");

        var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("account_metrics", html, StringComparison.Ordinal);

        var api = await client.GetAsync("/api/v1/accounts");
        var problem = await api.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Something went wrong on our side", problem);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("account_metrics", problem, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return WebUtility.HtmlDecode(body);
    }
}
