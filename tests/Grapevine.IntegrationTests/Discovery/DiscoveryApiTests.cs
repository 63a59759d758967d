using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.RateCards;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Discovery;

/// <summary>GET /api/v1/search and /lookalikes on a hand-made catalogue: each filter, sort and problem detail.</summary>
public class DiscoveryApiTests
{
    private static async Task<(AuthTestHost Host, Dictionary<string, long> Ids, HttpClient Api)> StartWithCatalogueAsync(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        Dictionary<string, long> ids;
        await using (var db = host.Database.CreateContext())
            ids = await DiscoveryTestData.SeedAsync(db);
        var api = await host.Factory.CreateApiClientAsync();
        return (host, ids, api);
    }

    private static async Task<List<string>> HandlesAsync(HttpClient api, string query)
    {
        var response = await api.GetAsync("/api/v1/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("handle").GetString()!)];
    }

    [Theory, BothProviders]
    public async Task A_search_answers_with_hits_prices_fit_parts_facets_and_the_engine(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        var answer = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?niche=fitness&country=DE,US");
        Assert.Equal(3, answer.GetProperty("total").GetInt32());
        Assert.Contains(answer.GetProperty("engine").GetString(), new[] { DiscoveryEngines.Index, DiscoveryEngines.Sqlite, DiscoveryEngines.Postgres });
        Assert.True(answer.GetProperty("elapsedMs").GetDouble() >= 0);
        var hits = answer.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(["big.brand", "kai.lifts", "mara.moves"], hits.Select(h => h.GetProperty("handle").GetString()).Order());

        var mara = hits.Single(h => h.GetProperty("handle").GetString() == "mara.moves");
        Assert.Equal(("instagram", "Mara Moves", 24_000L, "micro", "DE", "de", "fitness"), (mara.GetProperty("platform").GetString(), mara.GetProperty("displayName").GetString(),
            mara.GetProperty("followers").GetInt64(), mara.GetProperty("tier").GetString(), mara.GetProperty("country").GetString(), mara.GetProperty("language").GetString(),
            mara.GetProperty("primaryNiche").GetString()));
        Assert.Equal((3.4, 0.9), (mara.GetProperty("engagementRate").GetDouble(), mara.GetProperty("audienceQuality").GetDouble()));
        var price = mara.GetProperty("price");
        Assert.Equal((250.0, "estimate", 150.0, 400.0, "instagram_post"), (price.GetProperty("usd").GetDouble(), price.GetProperty("source").GetString(),
            price.GetProperty("lowUsd").GetDouble(), price.GetProperty("highUsd").GetDouble(), price.GetProperty("deliverable").GetString()));

        var fit = mara.GetProperty("fit").EnumerateArray().ToList();
        Assert.Equal(["niche", "keywords", "audience", "engagement", "quality", "cost", "recency", "safety"], fit.Select(f => f.GetProperty("component").GetString()));
        Assert.Equal(1.0, fit.Sum(f => f.GetProperty("weight").GetDouble()), 9);
        Assert.Equal(mara.GetProperty("score").GetDouble(), fit.Sum(f => f.GetProperty("contribution").GetDouble()), 9);
        Assert.All(fit, f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("why").GetString())));
        Assert.Equal(0.8, fit[0].GetProperty("value").GetDouble(), 9);
        Assert.Contains("fitness 80", fit[0].GetProperty("why").GetString());
        Assert.Equal(0, fit[1].GetProperty("weight").GetDouble());
        Assert.Contains("Country DE is one the brand wants", fit[2].GetProperty("why").GetString());
        Assert.Empty(answer.GetProperty("notices").EnumerateArray());

        var facets = answer.GetProperty("facets");
        Assert.Equal((2, 1), (facets.GetProperty("tiers").GetProperty("micro").GetInt32(), facets.GetProperty("tiers").GetProperty("macro").GetInt32()));
        Assert.Equal((2, 1), (facets.GetProperty("countries").GetProperty("US").GetInt32(), facets.GetProperty("countries").GetProperty("DE").GetInt32()));
        Assert.Equal(3, facets.GetProperty("platforms").GetProperty("instagram").GetInt32());
        Assert.Equal(3, facets.GetProperty("niches").GetProperty("fitness").GetInt32());
    }

    [Theory, BothProviders]
    public async Task Recency_cost_and_quality_explain_themselves_with_their_formula_and_n(DatabaseProvider provider)
    {
        var (host, ids, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;
        await using (var db = host.Database.CreateContext())
        {
            db.FollowerSamples.AddRange(Enumerable.Range(1, 120).Select(i => new Grapevine.Core.Catalogue.FollowerSample { AccountId = ids["mara.moves"], FollowerUsername = $"fan{i}" }));
            await db.SaveChangesAsync();
        }

        var answer = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?q=vegan");
        var hits = answer.GetProperty("hits").EnumerateArray().ToDictionary(h => h.GetProperty("handle").GetString()!);
        string Why(string handle, string component) =>
            hits[handle].GetProperty("fit").EnumerateArray().Single(f => f.GetProperty("component").GetString() == component).GetProperty("why").GetString()!;

        // mara.moves posted 2 days ago, expects 800 engagements for $250, and 90% of her 120 sampled followers look real.
        Assert.Equal("Last posted 2 days ago; recency = max(0, 1 − days since the last post / 90 days) = max(0, 1 − 2 / 90) = 0.978.", Why("mara.moves", "recency"));
        Assert.Equal("About 3.2 expected engagements per dollar (epd): 800 (median likes + comments of the last 12 feed posts) for $250 (estimate); "
            + "cost = epd / (epd + 1) = 3.200 / 4.200 = 0.762.", Why("mara.moves", "cost"));
        Assert.Equal("90% of sampled followers look real (quality = real ÷ sampled followers, N = 120 sampled followers).", Why("mara.moves", "quality"));
        Assert.Equal(120, hits["mara.moves"].GetProperty("audienceSample").GetInt32());

        // Without a follower sample N is unknown (null), never 0.
        Assert.Equal(JsonValueKind.Null, hits["zoe.glow"].GetProperty("audienceSample").ValueKind);
        Assert.Equal("95% of sampled followers look real (quality = real ÷ sampled followers, N unknown).", Why("zoe.glow", "quality"));
        Assert.Equal(JsonValueKind.Null, hits["lena.kocht"].GetProperty("audienceSample").ValueKind);
        Assert.Equal("No follower sample to judge audience quality (N unknown); counted as neutral (0.5).", Why("lena.kocht", "quality"));
    }

    [Theory, BothProviders]
    public async Task Each_filter_narrows_the_search(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        async Task Expect(string query, params string[] handles) => Assert.Equal(handles.Order(), (await HandlesAsync(api, query + "&limit=200")).Order());

        Assert.Equal(8, (await HandlesAsync(api, "")).Count);
        await Expect("q=vegan", "mara.moves", "lena.kocht", "zoe.glow");
        await Expect("q=%22strength+coach%22", "mara.moves");
        await Expect("q=%23vegan", "mara.moves");
        await Expect("q=%23vegan&tag_window=365", "mara.moves", "lena.kocht");
        await Expect("q=%40oatly", "mara.moves", "lena.kocht");
        await Expect("q=%40oatly&tag_window=7", "lena.kocht");
        await Expect("q=%23caf%C3%A9", "ana.cafe");
        await Expect("q=m%C3%BCnchen", "ana.cafe");
        await Expect("q=vegan+%23skincare", "zoe.glow");
        await Expect("q=%27%3B+DROP+TABLE+accounts%3B+--");
        await Expect("platform=tiktok", "tom.travels");
        await Expect("platform=instagram,tiktok&tier=nano", "lena.kocht", "zoe.glow");
        await Expect("country=de", "mara.moves", "lena.kocht", "ana.cafe");
        await Expect("language=en&country=GB", "tom.travels");
        await Expect("niche=food", "lena.kocht", "ana.cafe");
        await Expect("niche=fitness,beauty", "mara.moves", "kai.lifts", "zoe.glow", "big.brand");
        await Expect("min_followers=10k&max_followers=60000", "mara.moves", "kai.lifts", "tom.travels", "ana.cafe");
        await Expect("min_er=4&max_er=5", "tom.travels", "zoe.glow");
        await Expect("min_authenticity=90", "mara.moves", "zoe.glow");
        await Expect("max_price=150", "lena.kocht", "tom.travels", "zoe.glow");
        await Expect("posted_within=4", "mara.moves", "lena.kocht", "big.brand");
        await Expect("has_email=true", "mara.moves", "lena.kocht", "zoe.glow");
        await Expect("max_sponsored=20", "mara.moves", "lena.kocht", "tom.travels", "ana.cafe", "big.brand", "quiet.one");
        await Expect("verified=true", "kai.lifts", "big.brand");
    }

    [Theory, BothProviders]
    public async Task Sorts_rank_and_limit_cuts(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        Assert.Equal(["big.brand", "kai.lifts", "tom.travels"], await HandlesAsync(api, "sort=followers&limit=3"));
        Assert.Equal(["lena.kocht", "zoe.glow", "tom.travels"], await HandlesAsync(api, "sort=er&limit=3"));
        Assert.Equal(["lena.kocht", "zoe.glow", "tom.travels"], await HandlesAsync(api, "sort=price&limit=3"));
        Assert.Equal(["zoe.glow", "kai.lifts", "mara.moves"], await HandlesAsync(api, "sort=growth&limit=3"));
        var byFit = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?niche=fitness&limit=2");
        Assert.Equal(3, byFit.GetProperty("total").GetInt32());
        var scores = byFit.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(2, scores.Count);
        Assert.True(scores[0] >= scores[1]);
        Assert.Equal([1, 2], byFit.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("rank").GetInt32()));

        // Weights change the ranking: all on cost puts the cheapest engagement first.
        // 1,200 expected engagements for $150 is the most per dollar.
        var cost = await HandlesAsync(api, "weights=niche=0,audience=0,engagement=0,quality=0,cost=1,recency=0,safety=0&limit=1");
        Assert.Equal(["tom.travels"], cost);
    }

    [Theory, BothProviders]
    public async Task Offset_pages_through_the_ranking_with_ranks_that_carry_on(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        // sort=er ranks lena.kocht, zoe.glow, tom.travels, mara.moves, …: the second page of two starts at the third.
        Assert.Equal(["tom.travels", "mara.moves"], await HandlesAsync(api, "sort=er&limit=2&offset=2"));
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?sort=er&limit=2&offset=2");
        Assert.Equal([3, 4], page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("rank").GetInt32()));
        Assert.Equal(8, page.GetProperty("total").GetInt32());
        var past = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?q=vegan&offset=50");
        Assert.Equal(3, past.GetProperty("total").GetInt32());
        Assert.Empty(past.GetProperty("hits").EnumerateArray());

        var errors = await ProblemAsync(await api.GetAsync("/api/v1/search?offset=-1"));
        Assert.Equal("is between 0 and 10,000; got -1", errors["offset"].Single());
    }

    [Theory, BothProviders]
    public async Task Brand_keywords_rank_without_filtering_and_explain_themselves(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        // Only the keywords part counts: mara.moves uses both (1), kai.lifts one (0.5), the others none (0).
        var answer = await api.GetFromJsonAsync<JsonElement>(
            "/api/v1/search?keywords=strength,Vegan%20Coach&weights=niche=0,keywords=1,audience=0,engagement=0,quality=0,cost=0,recency=0,safety=0&limit=3");
        Assert.Equal(8, answer.GetProperty("total").GetInt32());
        var hits = answer.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(["mara.moves", "kai.lifts"], hits.Take(2).Select(h => h.GetProperty("handle").GetString()));
        Assert.Equal([1.0, 0.5, 0.0], hits.Select(h => h.GetProperty("score").GetDouble()));
        var part = hits[1].GetProperty("fit").EnumerateArray().Single(f => f.GetProperty("component").GetString() == "keywords");
        Assert.Equal((1.0, 0.5), (part.GetProperty("weight").GetDouble(), part.GetProperty("value").GetDouble()));
        Assert.Equal("Uses 1 of 2 brand keywords: strength (not vegan coach).", part.GetProperty("why").GetString());

        // With the default weights keywords move accounts up without removing any.
        var plain = await HandlesAsync(api, "limit=200");
        var ranked = await HandlesAsync(api, "keywords=backpacking&limit=200");
        Assert.Equal(plain.Order(), ranked.Order());
        Assert.True(ranked.IndexOf("tom.travels") < plain.IndexOf("tom.travels"), string.Join(", ", ranked));

        var bad = await ProblemAsync(await api.GetAsync("/api/v1/search?keywords=one%20two%20three%20four%20five"));
        Assert.Equal(["keywords"], bad.Keys);
        Assert.Contains("at most 4", bad["keywords"].Single());
    }

    [Theory, BothProviders]
    public async Task Ignored_words_come_back_as_notices_and_text_is_not_escaped(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        var response = await api.GetAsync("/api/v1/search?q=a%20vegan%20x&keywords=caf%C3%A9,the");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(3, json.RootElement.GetProperty("total").GetInt32());
        var notices = json.RootElement.GetProperty("notices").EnumerateArray()
            .Select(n => (n.GetProperty("field").GetString(), n.GetProperty("message").GetString())).ToList();
        Assert.Equal(
            [
                ("q", "Ignored 'a', 'x': single letters and digits are not searchable."),
                ("keywords", "Ignored 'the': such common words are left out of every profile, so they cannot match."),
            ],
            notices);
        // "café" is written as it is, not as "caf\u00E9".
        Assert.Contains("brand keyword", body);
        Assert.Contains("café", body);
        Assert.DoesNotContain("\\u00E9", body);
    }

    [Theory, BothProviders]
    public async Task The_workspaces_rate_card_wins_over_the_estimate(DatabaseProvider provider)
    {
        var host = await StartAsync(provider);
        await using var _ = host;
        Dictionary<string, long> ids;
        await using (var db = host.Database.CreateContext())
            ids = await DiscoveryTestData.SeedAsync(db);
        var owner = await host.Factory.CreateUserAsync("owner@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Rates");
        await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, s => s.GetRequiredService<RateCardService>().SetAsync(ids["mara.moves"], "instagram_post", 140, null, default));
        using var api = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(workspace, owner));
        using var other = await host.Factory.CreateApiClientAsync("other@example.com");

        var answer = await api.GetFromJsonAsync<JsonElement>("/api/v1/search?max_price=150&limit=200");
        var mara = answer.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("handle").GetString() == "mara.moves");
        Assert.Equal((140.0, "rate card"), (mara.GetProperty("price").GetProperty("usd").GetDouble(), mara.GetProperty("price").GetProperty("source").GetString()));
        Assert.Equal(JsonValueKind.Null, mara.GetProperty("price").GetProperty("lowUsd").ValueKind);
        Assert.DoesNotContain("mara.moves", await HandlesAsync(other, "max_price=150&limit=200"));
    }

    [Theory, BothProviders]
    public async Task Bad_parameters_get_problem_details_naming_each_field(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        var errors = await ProblemAsync(await api.GetAsync("/api/v1/search?limit=500"));
        Assert.Equal(["limit"], errors.Keys);
        Assert.Equal("is at most 200; got 500", errors["limit"].Single());

        errors = await ProblemAsync(await api.GetAsync("/api/v1/search?platform=myspace&tier=giga&min_followers=5k&max_followers=1k&min_authenticity=150&sort=best&weights=size%3D1&niche=knitting"));
        Assert.Equal(new[] { "min_authenticity", "min_followers", "niche", "platform", "sort", "tier", "weights" }.Order(), errors.Keys.Order());
        Assert.Contains("more than the maximum (", errors["min_followers"].Single());
        Assert.Equal(["format"], (await ProblemAsync(await api.GetAsync("/api/v1/search?format=xml"))).Keys);
        Assert.Equal(["limit"], (await ProblemAsync(await api.GetAsync("/api/v1/search.csv?limit=0"))).Keys);
        // A misspelt filter is refused, not dropped (it would widen the search without a word).
        errors = await ProblemAsync(await api.GetAsync("/api/v1/search?minFollowers=1000000&colour=red"));
        Assert.Equal(new[] { "colour", "minFollowers" }.Order(), errors.Keys.Order());
        Assert.Equal("not a search parameter; did you mean 'min_followers'?", errors["minFollowers"].Single());
        Assert.StartsWith("not a search parameter; the parameters are q, platform", errors["colour"].Single());
        Assert.Equal(["limit"], (await ProblemAsync(await api.GetAsync("/api/v1/accounts/instagram/mara.moves/lookalikes?limit=201"))).Keys);
        Assert.Equal(["platform"], (await ProblemAsync(await api.GetAsync("/api/v1/accounts/myspace/mara.moves/lookalikes"))).Keys);

        var missing = await api.GetAsync("/api/v1/accounts/instagram/nobody.here/lookalikes");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("The catalogue has no instagram account 'nobody.here'", await missing.Content.ReadAsStringAsync());
    }

    [Theory, BothProviders]
    public async Task Each_result_says_whether_its_follower_spike_went_viral_or_is_unexplained_or_that_its_snapshots_are_too_few(DatabaseProvider provider)
    {
        var (host, ids, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;
        await using (var db = host.Database.CreateContext())
            await DiscoveryTestData.SeedSnapshotsAsync(db, ids);

        var answer = (await api.GetFromJsonAsync<JsonElement>("/api/v1/search?limit=20")).GetProperty("hits").EnumerateArray().ToList();
        var hits = answer.ToDictionary(h => h.GetProperty("handle").GetString()!, h => h.GetProperty("followerSpike"));
        var intervals = answer.ToDictionary(h => h.GetProperty("handle").GetString()!, h => h.GetProperty("followerSnapshotIntervals").GetInt32());
        // mara.moves' posts drew the same engagement throughout: the vetting report's "unexplained", the pattern of bought followers.
        var bought = hits["mara.moves"];
        Assert.True(bought.GetProperty("spiked").GetBoolean());
        Assert.Equal(1, bought.GetProperty("spikes").GetInt32());
        Assert.Equal(DiscoveryTestData.SpikeSeen, bought.GetProperty("latestTo").GetDateTime().ToUniversalTime());
        Assert.Equal(30, bought.GetProperty("latestGainPercent").GetDouble());
        Assert.Equal(9, bought.GetProperty("intervals").GetInt32());
        Assert.False(bought.GetProperty("organic").GetBoolean());
        Assert.True(bought.GetProperty("verifiable").GetBoolean());
        Assert.StartsWith("Follower spike of +30% (", bought.GetProperty("why").GetString());
        Assert.EndsWith("between 2026-11-02 and 2026-11-09: unexplained, no post from 2026-10-26 on reached 3× the account's median engagement or views.",
            bought.GetProperty("why").GetString());
        // ana.cafe's jump came with a post 20× its median engagement: organic, with the post that explains it.
        var viral = hits["ana.cafe"];
        Assert.True(viral.GetProperty("spiked").GetBoolean());
        Assert.True(viral.GetProperty("organic").GetBoolean());
        Assert.EndsWith($"organic, the post of {DiscoveryTestData.ViralPostAt:yyyy-MM-dd} got 19.4× the account's median engagement (went viral).",
            viral.GetProperty("why").GetString());
        // Steady growth is checked and clean; 3 snapshots (2 intervals) and none are too few to say, so null, not false, and the count says why.
        Assert.False(hits["kai.lifts"].GetProperty("spiked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hits["kai.lifts"].GetProperty("organic").ValueKind);
        Assert.Equal(JsonValueKind.Null, hits["lena.kocht"].ValueKind);
        Assert.Equal(2, intervals["lena.kocht"]);
        Assert.Equal(JsonValueKind.Null, hits["zoe.glow"].ValueKind);
        Assert.Equal(0, intervals["zoe.glow"]);

        var similar = (await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts/instagram/lena.kocht/lookalikes?limit=200")).GetProperty("hits").EnumerateArray()
            .ToDictionary(h => h.GetProperty("handle").GetString()!);
        Assert.False(similar["mara.moves"].GetProperty("followerSpike").GetProperty("organic").GetBoolean());
        Assert.True(similar["ana.cafe"].GetProperty("followerSpike").GetProperty("organic").GetBoolean());
        Assert.Equal(0, similar["mara.moves"].GetProperty("flaggedTexts").GetInt32());

        var lines = (await api.GetStringAsync("/api/v1/search.csv?limit=20")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Fields(l.TrimEnd('\r'))).ToList();
        string Cell(string handle, string column) => lines.Single(l => l[2] == handle)[lines[0].IndexOf(column)];
        Assert.Equal("true", Cell("mara.moves", "follower_spike"));
        Assert.Equal("2026-11-09", Cell("mara.moves", "follower_spike_latest_to"));
        Assert.Equal("9", Cell("mara.moves", "follower_spike_intervals_n"));
        Assert.Equal("false", Cell("mara.moves", "follower_spike_organic"));
        Assert.Equal(bought.GetProperty("why").GetString(), Cell("mara.moves", "follower_spike_why"));
        Assert.Equal("true", Cell("ana.cafe", "follower_spike_organic"));
        Assert.Equal("false", Cell("kai.lifts", "follower_spike"));
        Assert.Equal("", Cell("kai.lifts", "follower_spike_organic"));
        Assert.Equal("", Cell("lena.kocht", "follower_spike"));
        Assert.Equal("2", Cell("lena.kocht", "follower_spike_intervals_n"));

        // The why holds commas (20,100 → 26,130), so the cells are read as CSV, quotes and all.
        static List<string> Fields(string line) =>
            [.. System.Text.RegularExpressions.Regex.Matches(line, "(?<=^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)")
                .Select(m => m.Value is ['"', .., '"'] quoted ? quoted[1..^1].Replace("\"\"", "\"") : m.Value)];
    }

    [Theory, BothProviders]
    public async Task Results_export_as_csv_and_the_export_is_audited(DatabaseProvider provider)
    {
        var (host, _, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        foreach (var url in new[] { "/api/v1/search?q=vegan&sort=er&format=csv", "/api/v1/search.csv?q=vegan&sort=er" })
        {
            var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("search.csv", response.Content.Headers.ContentDisposition!.FileName);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
            // Each number's column says its unit: ER and growth are percentages, audience quality a 0–1 share, the fit columns contributions.
            Assert.Equal("rank,platform,handle,display_name,followers,tier,country,language,primary_niche,er_followers_pct,audience_quality_share," +
                "audience_sample_n,price_usd,price_deliverable,price_source,price_low_usd,price_high_usd,growth_30d_pct," +
                "follower_spike,follower_spike_latest_from,follower_spike_latest_to,follower_spike_intervals_n,follower_spike_organic,follower_spike_why," +
                "brand_safety_flagged_texts_n,brand_safety_lists," +
                "fit_score,fit_niche_contribution,fit_keywords_contribution," +
                "fit_audience_contribution,fit_engagement_contribution,fit_quality_contribution,fit_cost_contribution,fit_recency_contribution,fit_safety_contribution", lines[0]);
            Assert.Equal(4, lines.Count);
            Assert.StartsWith("1,instagram,lena.kocht,Lena Kocht,5000,nano,DE,de,food,6,,,80,instagram_post,estimate,48,128,1,", lines[1]);
            Assert.Contains(lines, l => l.StartsWith("3,instagram,mara.moves,Mara Moves,24000,micro,DE,de,fitness,3.4,0.9,,250,instagram_post,estimate,", StringComparison.Ordinal));
        }
        var exports = (await host.AuditAsync()).Where(e => e.Action == AuditLog.Actions.Export).ToList();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal(("search", "3 of 3 accounts as CSV (q=vegan&sort=er)"), (e.Target, e.Detail)));
    }

    [Theory, BothProviders]
    public async Task Lookalikes_come_with_their_reasons(DatabaseProvider provider)
    {
        var (host, ids, api) = await StartWithCatalogueAsync(provider);
        await using var _ = host;

        var answer = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts/instagram/@Mara.Moves/lookalikes?limit=3");
        Assert.Equal(ids["mara.moves"], answer.GetProperty("of").GetProperty("accountId").GetInt64());
        var hits = answer.GetProperty("hits").EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 3);
        Assert.DoesNotContain(hits, h => h.GetProperty("handle").GetString() == "mara.moves");
        Assert.All(hits, h => Assert.Equal("instagram", h.GetProperty("platform").GetString()));
        var first = hits[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("reason").GetString()));
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var lena = await api.GetFromJsonAsync<JsonElement>("/api/v1/accounts/instagram/lena.kocht/lookalikes?limit=200");
        var mara = lena.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("handle").GetString() == "mara.moves");
        Assert.Contains("@oatly", mara.GetProperty("sharedTerms").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("also uses", mara.GetProperty("reason").GetString());
    }

    private static async Task<Dictionary<string, string[]>> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("   at ", body);
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
    }
}
