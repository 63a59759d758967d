using System.Net;
using System.Net.Http.Json;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Discovery;

/// <summary>The Discover page as the server renders it: results, explanations, facets, errors, empty states, lists and lookalikes.</summary>
public class DiscoverPageTests
{
    private static async Task<AuthTestHost> StartWithCatalogueAsync(DatabaseProvider provider, bool seed = true)
    {
        var host = await StartAsync(provider);
        if (seed)
        {
            await using var db = host.Database.CreateContext();
            await DiscoveryTestData.SeedAsync(db);
        }
        return host;
    }

    [Theory, BothProviders]
    public async Task The_page_shows_ranked_results_with_explanations_facets_and_an_export_link(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var html = await HtmlAsync(await owner.GetAsync("/discover?q=vegan&niche=fitness,food&country=DE"));
        Assert.Contains("<strong>2</strong> creators match", html);
        Assert.Contains("data-handle=\"mara.moves\"", html);
        Assert.Contains("data-handle=\"lena.kocht\"", html);
        Assert.DoesNotContain("data-handle=\"zoe.glow\"", html);
        Assert.Contains("Scores 90 of 100 in the brand's niches (fitness 80, food 10)", html);
        Assert.Contains("Country DE is one the brand wants", html);
        Assert.Equal(16, Count(html, "<li class=\"fit-part"));
        // Each part reads as its own arithmetic: contribution = weight × value, to 3 decimals.
        var parts = System.Text.RegularExpressions.Regex.Matches(html, @"<span class=""fit-numbers"">(\d\.\d{3}) = (\d\.\d{3}) × (\d\.\d{3})");
        Assert.True(parts.Count >= 10, $"{parts.Count} parts with numbers");
        foreach (System.Text.RegularExpressions.Match part in parts)
        {
            var (contribution, weight, value) = (double.Parse(part.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(part.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(part.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(contribution - weight * value) <= 0.0011, part.Value);
        }
        var raw = await RawAsync(owner, "/discover?q=vegan&niche=fitness,food&country=DE");
        Assert.Contains("href=\"/api/v1/search.csv?q=vegan&amp;country=DE&amp;niche=fitness%2Cfood\"", raw);
        Assert.Contains("Search: vegan", html);
        Assert.Contains("href=\"/discover?q=vegan&amp;country=DE\" aria-label=\"Remove the Niche filter\"", raw);
        Assert.Contains("$250", html);
        Assert.Contains("$150–$400", html);
        Assert.Contains("/discover?similar=instagram/mara.moves", html);
        Assert.Contains("Answered by the", html);

        // Brand keywords rank and explain themselves; an ignored word is named above the results.
        var keywords = await HtmlAsync(await owner.GetAsync("/discover?q=vegan&keywords=strength,a"));
        Assert.Contains("<strong>3</strong> creators match", keywords);
        Assert.Contains("Uses the brand keyword strength.", keywords);
        Assert.Contains("None of the brand keywords (strength) in its name, bio or recent captions.", keywords);
        Assert.Contains("Brand keywords</strong>: Ignored 'a': single letters and digits are not searchable.", keywords);
        Assert.Contains("value=\"strength,a\"", keywords);

        // Each platform box and tier box is ticked as the query says; niche options are selected.
        var ticked = await RawAsync(owner, "/discover?platform=instagram,tiktok&tier=micro&tier=nano");
        Assert.Contains("name=\"platform\" value=\"instagram\" checked", ticked);
        Assert.Contains("name=\"platform\" value=\"tiktok\" checked", ticked);
        Assert.DoesNotContain("name=\"platform\" value=\"youtube\" checked", ticked);
        Assert.Contains("name=\"tier\" value=\"nano\" checked", ticked);
        Assert.Contains("<strong>6</strong> creators match", WebUtility.HtmlDecode(ticked));
    }

    [Theory, BothProviders]
    public async Task Bad_filters_are_named_on_the_page_without_an_error_page(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var html = await HtmlAsync(await owner.GetAsync("/discover?min_followers=lots&limit=500&tier=giga&weights=size%3D1"));
        Assert.Contains("Some filters need fixing", html);
        Assert.Contains("Followers, at least</strong>: 'lots' is not a number of followers", html);
        Assert.Contains("Show</strong>: is at most 200; got 500", html);
        Assert.Contains("Tier</strong>: unknown tier 'giga'", html);
        Assert.Contains("Fit weights</strong>: 'size=1' is not name=weight", html);
        Assert.Contains("id=\"discover-min-followers\" name=\"min_followers\" type=\"text\" inputmode=\"numeric\" value=\"lots\"", html);
        Assert.DoesNotContain("tbody class=\"hit\"", html);
        Assert.DoesNotContain("   at ", html);
        Assert.Contains("<details class=\"more-filters\" open", html);
    }

    [Fact]
    public async Task Sorting_by_growth_shows_the_growth_with_its_window_and_a_warning()
    {
        await using var host = await StartWithCatalogueAsync(DatabaseProvider.Sqlite);
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var byGrowth = await HtmlAsync(await owner.GetAsync("/discover?sort=growth"));
        Assert.Contains("sorted by follower growth over 30 days", byGrowth);
        Assert.Contains(">Growth <span class=\"nowrap\">(30 d)</span></th>", byGrowth);
        Assert.Contains("A fast rise can be bought", byGrowth);
        Assert.Equal(Count(byGrowth, "<tbody class=\"hit\""), Count(byGrowth, "class=\"num growth-cell\""));

        var byFit = await HtmlAsync(await owner.GetAsync("/discover"));
        Assert.DoesNotContain("Growth (30 d)", byFit);
        Assert.DoesNotContain("A fast rise can be bought", byFit);

        // Every sort gives each result the same vetting line: its report, and the brand-safety finding when there is one.
        foreach (var html in new[] { byGrowth, byFit })
        {
            Assert.Equal(Count(html, "<tbody class=\"hit\""), Count(html, "class=\"vetting-link\""));
            Assert.Contains("href=\"/accounts/instagram/zoe.glow#vetting\" aria-label=\"Vetting report of @zoe.glow\"", html);
            // zoe.glow's safety is 0.6 = 1 / (1 + 0.67): one text flagged, rounded.
            Assert.Equal(1, Count(html, "class=\"vetting-flag\""));
            Assert.Contains("⚑ 1 text flagged", html);
        }
    }

    [Theory, BothProviders]
    public async Task Every_country_of_the_matches_can_be_picked_from_the_facet(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        await using (var db = host.Database.CreateContext())
        {
            // Seven more countries: with DE, US, GB and unknown that is eleven values, three more than the facet lists open.
            foreach (var country in new[] { "FR", "IT", "ES", "NL", "PL", "SE", "BR" })
            {
                var handle = "creator." + country.ToLowerInvariant();
                var account = new Grapevine.Core.Catalogue.Account
                {
                    Creator = new Grapevine.Core.Catalogue.Creator { DisplayName = handle },
                    Platform = Grapevine.Core.Catalogue.Platform.Instagram,
                    Handle = handle,
                    Country = country,
                    UpdatedAt = DiscoveryTestData.Now,
                };
                db.Accounts.Add(account);
                await db.SaveChangesAsync();
                db.SearchProfiles.Add(new Grapevine.Core.Discovery.SearchProfile
                {
                    AccountId = account.Id,
                    Platform = account.Platform,
                    Handle = handle,
                    Country = country,
                    Words = handle,
                    UpdatedAt = DiscoveryTestData.Now,
                });
                await db.SaveChangesAsync();
            }
        }
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var raw = await RawAsync(owner, "/discover");
        Assert.Contains("<summary>and 3 more</summary>", raw);
        foreach (var country in new[] { "DE", "US", "GB", "FR", "IT", "ES", "NL", "PL", "SE", "BR" })
            Assert.Contains($"href=\"/discover?country={country}\"", raw);
    }

    [Fact]
    public async Task Real_followers_show_the_sample_they_were_measured_from()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite);
        await using (var db = host.Database.CreateContext())
        {
            var ids = await DiscoveryTestData.SeedAsync(db);
            db.FollowerSamples.AddRange(Enumerable.Range(1, 1200).Select(i => new Grapevine.Core.Catalogue.FollowerSample { AccountId = ids["mara.moves"], FollowerUsername = $"fan{i}" }));
            await db.SaveChangesAsync();
        }
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var html = await HtmlAsync(await owner.GetAsync("/discover?q=vegan"));
        Assert.Contains("90%<span class=\"price-source\">N = 1,200</span>", html);
        Assert.Equal(1, Count(html, "N = 1,200</span>"));
        Assert.Contains("N = 1,200 sampled followers", html);
        // The column says why a row reads unknown, as each row's "Why" does.
        Assert.Contains("title=\"Share of sampled followers that look real; N is how many followers were sampled. Unknown when fewer than 100 followers were sampled or no follower classifier is installed", html);
    }

    [Theory, BothProviders]
    public async Task Search_and_lookalike_rows_warn_of_an_unexplained_follower_spike_and_show_one_that_went_viral_as_organic(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var db = host.Database.CreateContext())
            await DiscoveryTestData.SeedSnapshotsAsync(db, await DiscoveryTestData.SeedAsync(db));
        using var owner = await host.Factory.CreateSignedInClientAsync();

        // mara.moves' posts did not rise with its jump (bought); ana.cafe's did (a post went viral), so it is no warning.
        var bought = "href=\"/accounts/instagram/mara.moves#vetting\" title=\"Follower spike of +30% (";
        var boughtWhy = "between 2026-11-02 and 2026-11-09: unexplained, no post from 2026-10-26 on reached 3× the account's median engagement or views. " +
            "Found by the vetting report's rule: robust z ≥ 6 over 9 snapshot intervals.\">⚠ follower spike 2026-11-09</a>";
        var viral = "<a class=\"vetting-note spike-organic\" href=\"/accounts/instagram/ana.cafe#vetting\" title=\"Follower spike of +30% (";
        var viralWhy = $"organic, the post of {DiscoveryTestData.ViralPostAt:yyyy-MM-dd} got 19.4× the account's median engagement (went viral). " +
            "Found by the vetting report's rule: robust z ≥ 6 over 9 snapshot intervals.\">↑ went viral 2026-11-09</a>";
        var search = await HtmlAsync(await owner.GetAsync("/discover?limit=20"));
        Assert.Contains(bought, search);
        Assert.Contains(boughtWhy, search);
        Assert.Equal(1, Count(search, "⚠ follower spike"));
        Assert.Contains(viral, search);
        Assert.Contains(viralWhy, search);
        Assert.Equal(1, Count(search, "↑ went viral"));
        Assert.Contains("⚑ 1 text flagged", search);
        var raw = await RawAsync(owner, "/discover?limit=20");
        // quiet.one's tier and price are unknown: the shared "unknown" with its tooltip, as every page writes it.
        Assert.Contains("<td data-label=\"Tier\"><span class=\"unknown\" title=\"Not in the data Grapevine has.", raw);
        Assert.Contains("<td data-label=\"Price\" class=\"num price-cell\"><span class=\"unknown\" title=\"Not in the data Grapevine has.", System.Text.RegularExpressions.Regex.Replace(raw, @">\s+<", "><"));
        Assert.DoesNotContain("<span class=\"unknown\">", raw);

        var similar = await HtmlAsync(await owner.GetAsync("/discover?similar=instagram/lena.kocht"));
        Assert.Contains(bought, similar);
        Assert.Contains(boughtWhy, similar);
        Assert.Contains(viral, similar);
        Assert.Contains("href=\"/accounts/instagram/mara.moves#vetting\" aria-label=\"Vetting report of @mara.moves\"", similar);
    }

    [Theory, BothProviders]
    public async Task A_row_with_too_few_snapshots_says_so_quietly_with_how_many_intervals_it_has_and_needs(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var db = host.Database.CreateContext())
            await DiscoveryTestData.SeedSnapshotsAsync(db, await DiscoveryTestData.SeedAsync(db));
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var search = await HtmlAsync(await owner.GetAsync("/discover?limit=20"));
        // lena.kocht has 3 snapshots, zoe.glow none: neither can be judged, which is not the same as "no spike".
        Assert.Contains("<span class=\"vetting-muted\" title=\"Follower spikes are judged from at least 6 intervals between follower snapshots; " +
            "this account has 2, too few to tell a spike from its usual growth.\">growth: too few snapshots</span>", Row(search, "lena.kocht"));
        Assert.Contains("this account has none, too few to tell a spike from its usual growth.\">growth: too few snapshots</span>", Row(search, "zoe.glow"));
        // kai.lifts was judged and has no spike: nothing is added to its line.
        Assert.DoesNotContain("growth:", Row(search, "kai.lifts"));
        Assert.DoesNotContain("follower spike", Row(search, "kai.lifts"));
        Assert.DoesNotContain("growth:", Row(search, "mara.moves"));

        var similar = await HtmlAsync(await owner.GetAsync("/discover?similar=instagram/mara.moves"));
        Assert.Contains("this account has 2, too few to tell a spike from its usual growth.\">growth: too few snapshots</span>", Row(similar, "lena.kocht"));

        // The vetting line of one account: from its vetting link to the end of its cell.
        static string Row(string html, string handle)
        {
            var start = html.IndexOf($"aria-label=\"Vetting report of @{handle}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"no vetting line for {handle}");
            return html[start..html.IndexOf("</td>", start, StringComparison.Ordinal)];
        }
    }

    [Theory, BothProviders]
    public async Task Empty_answers_say_what_to_do_next(DatabaseProvider provider)
    {
        await using (var empty = await StartWithCatalogueAsync(provider, seed: false))
        {
            using var client = await empty.Factory.CreateSignedInClientAsync();
            var html = await HtmlAsync(await client.GetAsync("/discover"));
            Assert.Contains("Discovery has no creators yet", html);
            Assert.Contains("grapevine demo --creators 1000", html);
        }
        await using var host = await StartWithCatalogueAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync();
        var none = await HtmlAsync(await owner.GetAsync("/discover?q=%23unicorns"));
        Assert.Contains("No creators match", none);
        Assert.Contains("make the #tag window longer (now 90 days)", none);
        Assert.Contains("Remove the Search filter", none);
    }

    [Theory, BothProviders]
    public async Task Results_are_added_to_lists_one_or_ticked(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync();
        var page = "/discover?q=vegan";

        var one = await HtmlAsync(await Forms.SubmitAsync(owner, page, "discover-add", new() { ["NewListName"] = "Vegan push", ["One"] = "instagram/zoe.glow" }));
        Assert.Contains("Added @zoe.glow to “Vegan push”.", one);
        // Without a campaign the form says how to get one, rather than hiding that results can go to campaigns.
        Assert.Contains("To make them candidates of a campaign, <a href=\"/campaigns/new\">create the campaign</a> first.", one);
        Assert.Contains("<strong>3</strong> creators match", one);

        await using var db = host.Database.CreateContext();
        var list = await db.CreatorLists.IgnoreQueryFilters().SingleAsync();
        var token = Forms.Token(one);
        var form = new FormUrlEncodedContent(
        [
            new("ListId", list.Id.ToString()), new("account", "instagram/zoe.glow"), new("account", "instagram/mara.moves"),
            new("_handler", "discover-add"), new(Forms.TokenField, token),
        ]);
        var ticked = await HtmlAsync(await owner.PostAsync(page, form));
        Assert.Contains("Added 1 of 2 to “Vegan push” (the others were on it already).", ticked);
        Assert.Equal(2, await db.CreatorListItems.IgnoreQueryFilters().CountAsync());

        var nothing = await HtmlAsync(await Forms.SubmitAsync(owner, page, "discover-add", new() { ["ListId"] = list.Id.ToString() }));
        Assert.Contains("Tick the creators to add first", nothing);
    }

    [Theory, BothProviders]
    public async Task Ticked_results_are_added_to_a_campaign_as_candidates(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        var user = await host.Factory.CreateUserAsync("owner@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(user, "Test Brand");
        using var api = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(workspace, user));
        using var owner = await host.Factory.SignInAsync("owner@example.com");
        var created = await api.PostAsJsonAsync("/api/v1/campaigns", new { name = "Oat launch", brand = "Oat & Co", goal = "awareness", budget = 5000 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        // The sort, page size and ranking words order the matches; only the words and filters chose them.
        var page = "/discover?q=vegan&sort=growth&limit=50&keywords=oat&weights=niche%3D0.5";

        var html = await HtmlAsync(await owner.GetAsync(page));
        Assert.Contains("<option value=\"" + id + "\">Oat launch (0)</option>", html);
        var form = new FormUrlEncodedContent(
        [
            new("CampaignId", id.ToString()), new("To", "campaign"), new("account", "instagram/zoe.glow"), new("account", "instagram/mara.moves"),
            new("_handler", "discover-add"), new(Forms.TokenField, Forms.Token(html)),
        ]);
        var added = await HtmlAsync(await owner.PostAsync(page, form));
        Assert.Contains("Added 2 creators to the campaign “Oat launch”.", added);
        Assert.Contains("href=\"/campaigns/" + id + "\">Open the campaign</a>", added);
        Assert.Contains("Oat launch (2)</option>", added);
        var campaign = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/campaigns/" + id);
        Assert.Equal(["mara.moves", "zoe.glow"], campaign.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("handle").GetString()).Order());
        // They say they came from Discover and from which search, not "manual".
        Assert.All(campaign.GetProperty("candidates").EnumerateArray(), c => Assert.Equal("discover: q=vegan", c.GetProperty("source").GetString()));
        await using var db = host.Database.CreateContext();
        Assert.Equal(0, await db.CreatorListItems.IgnoreQueryFilters().CountAsync());
        // One audited change for the two, naming where they came from.
        Assert.Equal(["2 from discover: q=vegan"], await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "campaign_candidates_added").Select(a => a.Detail).ToListAsync());
    }

    [Theory, BothProviders]
    public async Task The_results_page_on_with_previous_and_next_and_a_changed_filter_starts_again(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync();

        // q=vegan&sort=er ranks lena.kocht, zoe.glow, mara.moves; one a page.
        var first = await RawAsync(owner, "/discover?q=vegan&sort=er&limit=1");
        Assert.Contains("href=\"/discover?q=vegan&amp;sort=er&amp;limit=1&amp;offset=1\" rel=\"next\"", first);
        Assert.DoesNotContain("rel=\"prev\"", first);

        var second = await RawAsync(owner, "/discover?q=vegan&sort=er&limit=1&offset=1");
        Assert.Contains("data-handle=\"zoe.glow\"", second);
        Assert.DoesNotContain("data-handle=\"lena.kocht\"", second);
        Assert.Contains("<td data-label=\"Rank\" class=\"num rank\">2</td>", second);
        Assert.Contains("creators match;\n                        2–2 by engagement rate.", WebUtility.HtmlDecode(second).ReplaceLineEndings("\n"));
        Assert.Contains("href=\"/discover?q=vegan&amp;sort=er&amp;limit=1\" rel=\"prev\"", second);
        Assert.Contains("href=\"/discover?q=vegan&amp;sort=er&amp;limit=1&amp;offset=2\" rel=\"next\"", second);
        // A facet or a removed filter changes the matches, so it goes back to the first page; so does the form (it has no offset).
        Assert.Contains("href=\"/discover?sort=er&amp;limit=1\" aria-label=\"Remove the Search filter\"", second);
        Assert.DoesNotContain("name=\"offset\"", second);

        var last = await RawAsync(owner, "/discover?q=vegan&sort=er&limit=1&offset=2");
        Assert.Contains("data-handle=\"mara.moves\"", last);
        Assert.DoesNotContain("rel=\"next\"", last);

        var past = await HtmlAsync(await owner.GetAsync("/discover?q=vegan&offset=40"));
        Assert.Contains("Only 3 creators match, and this page starts after the first 40.", past);
    }

    [Theory, BothProviders]
    public async Task Find_similar_lists_lookalikes_with_reasons(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync();

        var html = await HtmlAsync(await owner.GetAsync("/discover?similar=instagram/lena.kocht"));
        Assert.Contains("creators most like", html);
        // The similarity says how it is made: the formula above the rows, each row's own arithmetic, which adds up.
        Assert.Contains("similarity = 0.5 × niche similarity (cosine of the niche scores) + 0.3 × shared #hashtags and @mentions (Jaccard) + 0.2 × size similarity", html);
        var sums = System.Text.RegularExpressions.Regex.Matches(html, @"\(0\.5 × (\d\.\d\d) \+ 0\.3 × (\d\.\d\d) \+ 0\.2 × (\d\.\d\d) = (\d\.\d\d)\)");
        Assert.NotEmpty(sums);
        foreach (System.Text.RegularExpressions.Match sum in sums)
        {
            double At(int i) => double.Parse(sum.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(0.5 * At(1) + 0.3 * At(2) + 0.2 * At(3) - At(4)) <= 0.011, sum.Value);
        }
        Assert.Contains("@lena.kocht</a> on Instagram (Food)", html);
        Assert.Contains("data-handle=\"mara.moves\"", html);
        Assert.Contains("also uses @oatly", html);
        Assert.DoesNotContain("id=\"discover-filters\"", html);
        Assert.Contains("name=\"One\" value=\"instagram/mara.moves\"", html);

        Assert.Contains("The catalogue has no Instagram account @nobody.", await HtmlAsync(await owner.GetAsync("/discover?similar=instagram/nobody")));
        Assert.Contains("does not name an account", await HtmlAsync(await owner.GetAsync("/discover?similar=mara.moves")));
    }

    [Theory, BothProviders]
    public async Task Viewers_search_without_list_forms_or_export(DatabaseProvider provider)
    {
        await using var host = await StartWithCatalogueAsync(provider);
        var owner = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Olga Brand");
        var viewer = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(workspace, viewer, WorkspaceRole.Viewer);
        using var client = await host.Factory.SignInAsync("vic@example.com");

        var html = await HtmlAsync(await client.GetAsync("/discover?q=vegan"));
        Assert.Contains("<strong>3</strong> creators match", html);
        Assert.DoesNotContain("discover-add", html);
        Assert.DoesNotContain("Export CSV", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/search.csv?q=vegan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=vegan")).StatusCode);
    }

    private static async Task<string> RawAsync(HttpClient client, string url) => await (await client.GetAsync(url)).Content.ReadAsStringAsync();

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
