using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Campaigns;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Discovery;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Campaigns;

/// <summary>The campaigns API end to end, on both providers.</summary>
public class CampaignsApiTests
{
    private static readonly object Body = new
    {
        name = "Spring launch",
        brand = "Oat & Co",
        brandNiches = new[] { "food" },
        goal = "sales",
        budget = 2000,
        currency = "EUR",
        startsOn = "2027-03-01",
        endsOn = "2027-04-30",
        platforms = new[] { "instagram" },
        targetCountries = new[] { "de" },
        deliverables = new[] { new { deliverable = "instagram_post", count = 1 }, new { deliverable = "instagram_story", count = 2 } },
        productCost = 25,
        firstTest = true,
    };

    [Theory, BothProviders]
    public async Task A_campaign_goes_from_create_to_archive_with_candidates(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        Dictionary<string, long> ids;
        await using (var db = host.Database.CreateContext())
            ids = await DiscoveryTestData.SeedAsync(db);
        using var api = await host.Factory.CreateApiClientAsync();

        var created = await api.PostAsJsonAsync("/api/v1/campaigns", Body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = campaign.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/campaigns/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("sales", "EUR", "2027-04-30", 2), (campaign.GetProperty("goal").GetString(), campaign.GetProperty("currency").GetString(),
            campaign.GetProperty("endsOn").GetString(), campaign.GetProperty("deliverables")[1].GetProperty("count").GetInt32()));

        var got = await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}");
        Assert.Equal(("Spring launch", 2000m, true), (got.GetProperty("name").GetString(), got.GetProperty("budget").GetDecimal(), got.GetProperty("firstTest").GetBoolean()));

        var edited = await api.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { name = "Spring launch v2", brand = "Oat & Co", goal = "awareness", budget = 3000 });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("awareness", 3000m, 0), (after.GetProperty("goal").GetString(), after.GetProperty("budget").GetDecimal(), after.GetProperty("platforms").GetArrayLength()));

        var fromSearch = await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { text = "vegan", country = "DE" } });
        Assert.Equal(HttpStatusCode.OK, fromSearch.StatusCode);
        Assert.Equal(2, (await fromSearch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        // The search API's own spellings (q, min_followers) work in the body too; anything unknown is refused, not dropped.
        var again = await (await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { q = "vegan", country = "DE", min_followers = 1 } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 2), (again.GetProperty("added").GetInt32(), again.GetProperty("found").GetInt32()));
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { q = "vegan", colour = "red" } }),
            "search.colour", "not a search parameter");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { limit = "1000" } }),
            "search.limit", "");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { text = "vegan", limit = 5 } }),
            "search.limit", "expected text");
        var listId = (await (await api.PostAsJsonAsync("/api/v1/lists", new { name = "Summer" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await api.PostAsJsonAsync($"/api/v1/lists/{listId}/items", new { accounts = new[] { new { platform = "instagram", handle = "kai.lifts" }, new { platform = "instagram", handle = "mara.moves" } } });
        var fromList = await (await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { listId })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 2), (fromList.GetProperty("added").GetInt32(), fromList.GetProperty("found").GetInt32()));
        var manual = await (await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { platform = "tiktok", handle = "@tom.travels" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, manual.GetProperty("added").GetInt32());

        var patched = await api.PatchAsJsonAsync($"/api/v1/campaigns/{id}/candidates/{ids["kai.lifts"]}", new { decision = "mustinclude", acceptsGifting = true, testSpend = 120.5, testResult = 3400 });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var kai = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("mustinclude", true, 120.5m, "list: Summer"), (kai.GetProperty("decision").GetString(), kai.GetProperty("acceptsGifting").GetBoolean(),
            kai.GetProperty("testSpend").GetDecimal(), kai.GetProperty("source").GetString()));
        // Left out: stays. Sent as null: cleared.
        async Task<JsonElement> Patch(string json) => await (await api.PatchAsync($"/api/v1/campaigns/{id}/candidates/{ids["kai.lifts"]}",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();
        var kept = await Patch("""{"decision":"mustinclude"}""");
        Assert.Equal((120.5m, 3400.0), (kept.GetProperty("testSpend").GetDecimal(), kept.GetProperty("testResult").GetDouble()));
        var cleared = await Patch("""{"testSpend":null}""");
        Assert.Equal((JsonValueKind.Null, 3400.0), (cleared.GetProperty("testSpend").ValueKind, cleared.GetProperty("testResult").GetDouble()));
        Assert.Equal(JsonValueKind.Null, (await Patch("""{"testResult":null}""")).GetProperty("testResult").ValueKind);
        Assert.Contains("finite", (await Patch("""{"testResult":1e400}""")).GetProperty("errors").GetProperty("testResult")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/campaigns/{id}/candidates/{ids["tom.travels"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/campaigns/{id}/candidates/{ids["tom.travels"]}")).StatusCode);
        var candidates = await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/candidates");
        Assert.Equal(["kai.lifts", "lena.kocht", "mara.moves"], candidates.EnumerateArray().Select(c => c.GetProperty("handle").GetString()));

        var duplicate = await api.PostAsync($"/api/v1/campaigns/{id}/duplicate", null);
        Assert.Equal(HttpStatusCode.Created, duplicate.StatusCode);
        var copy = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Copy of Spring launch v2", 3), (copy.GetProperty("name").GetString(), copy.GetProperty("candidates").GetArrayLength()));

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/campaigns/{id}/archive", null)).StatusCode);
        var active = await api.GetFromJsonAsync<JsonElement>("/api/v1/campaigns");
        Assert.Equal(["Copy of Spring launch v2"], active.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var archived = await api.GetFromJsonAsync<JsonElement>("/api/v1/campaigns?archived=true");
        Assert.Equal((id, 3), (archived[0].GetProperty("id").GetGuid(), archived[0].GetProperty("candidates").GetInt32()));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/campaigns/{id}/unarchive", null)).StatusCode);
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>("/api/v1/campaigns")).GetArrayLength());

        var audit = (await host.AuditAsync()).Select(e => e.Action).Where(a => a.StartsWith("campaign", StringComparison.Ordinal)).ToList();
        string[] expected =
        [
            CampaignService.AuditActions.Created, CampaignService.AuditActions.Edited, CampaignService.AuditActions.CandidatesAdded,
            CampaignService.AuditActions.CandidatesAdded, CampaignService.AuditActions.CandidatesAdded, CampaignService.AuditActions.CandidateChanged,
            CampaignService.AuditActions.CandidateChanged, CampaignService.AuditActions.CandidateChanged, CampaignService.AuditActions.CandidateRemoved, CampaignService.AuditActions.Duplicated, CampaignService.AuditActions.Archived, CampaignService.AuditActions.Unarchived,
        ];
        Assert.Equal(expected.Order(), audit.Order());

        // Another workspace's owner gets 404 for every one of these ids.
        using var other = await host.Factory.CreateApiClientAsync("other@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/campaigns/{id}/archive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsJsonAsync($"/api/v1/campaigns/{id}/candidates/{ids["kai.lifts"]}", new { decision = "excluded" })).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/campaigns")).EnumerateArray());
    }

    [Theory, BothProviders]
    public async Task Candidates_are_filtered_by_text_decision_and_tier_as_on_the_page(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (api, id, ids) = await CampaignWithCandidatesAsync(host, "kai.lifts", "mara.moves", "lena.kocht");
        using var _ = api;
        await api.PatchAsJsonAsync($"/api/v1/campaigns/{id}/candidates/{ids["mara.moves"]}", new { decision = "excluded" });
        async Task<List<string?>> Handles(string query) =>
            [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/candidates?{query}")).EnumerateArray().Select(c => c.GetProperty("handle").GetString())];

        Assert.Equal(["kai.lifts", "lena.kocht", "mara.moves"], await Handles(""));
        Assert.Equal(["mara.moves"], await Handles("decision=excluded"));
        Assert.Equal(["kai.lifts", "lena.kocht"], await Handles("decision=open"));
        Assert.Equal(["kai.lifts"], await Handles("q=%40KAI"));
        var all = await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/candidates");
        var tier = all[0].GetProperty("tier").GetString() ?? "unknown";
        Assert.Equal(all.EnumerateArray().Where(c => (c.GetProperty("tier").GetString() ?? "unknown") == tier).Select(c => c.GetProperty("handle").GetString()),
            await Handles($"tier={tier}"));
        await AssertFieldErrorAsync(await api.GetAsync($"/api/v1/campaigns/{id}/candidates?decision=maybe"), "decision", "unknown decision 'maybe'");
    }

    [Theory, BothProviders]
    public async Task A_candidate_change_with_a_stale_version_is_refused_with_412_naming_if_match(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (api, id, ids) = await CampaignWithCandidatesAsync(host, "kai.lifts");
        using var _ = api;
        var path = $"/api/v1/campaigns/{id}/candidates/{ids["kai.lifts"]}";
        var read = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/candidates"))[0].GetProperty("version").GetString()!;

        // A colleague records a test result after we read the candidate.
        var theirs = await api.PatchAsJsonAsync(path, new { testResult = 3400 });
        var theirVersion = (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        Assert.NotEqual(read, theirVersion);
        Assert.Equal($"\"{theirVersion}\"", theirs.Headers.ETag?.ToString());

        HttpRequestMessage Change(string version, object body) =>
            new(HttpMethod.Patch, path) { Content = JsonContent.Create(body), Headers = { { "If-Match", $"\"{version}\"" } } };
        var stale = await api.SendAsync(Change(read, new { testResult = 10 }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("changed since you read it", problem.GetProperty("errors").GetProperty("If-Match")[0].GetString());
        Assert.Equal((3400.0, theirVersion), (problem.GetProperty("current").GetProperty("testResult").GetDouble(),
            problem.GetProperty("current").GetProperty("version").GetString()));
        var kept = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/candidates"))[0];
        Assert.Equal(3400.0, kept.GetProperty("testResult").GetDouble());

        // With the version as it is now, the change applies; a weak tag and an unquoted one match too.
        var fresh = await api.SendAsync(Change(theirVersion!, new { testResult = 10 }));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var now = (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString()!;
        var weak = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { decision = "excluded" }), Headers = { { "If-Match", $"W/\"{now}\"" } } };
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(weak)).StatusCode);
        // Without If-Match a change applies as before versions existed.
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync(path, new { decision = "open" })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Candidates_export_as_csv_with_the_page_filter_units_in_the_header_and_formulas_as_text(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (api, id, ids) = await CampaignWithCandidatesAsync(host, "kai.lifts", "mara.moves", "lena.kocht");
        using var _ = api;
        await api.PatchAsJsonAsync($"/api/v1/campaigns/{id}/candidates/{ids["kai.lifts"]}", new { decision = "mustinclude", acceptsGifting = true, testSpend = 120.5, testResult = 3400 });
        await api.PatchAsJsonAsync($"/api/v1/campaigns/{id}/candidates/{ids["mara.moves"]}", new { decision = "excluded" });
        await using (var db = host.Database.CreateContext())
        {
            // A source is anyone's text (a list's name, a search's words): one that starts like a formula is written as text.
            var lena = await db.CampaignCandidates.IgnoreQueryFilters().SingleAsync(c => c.CampaignId == id && c.AccountId == ids["lena.kocht"]);
            lena.Source = "=HYPERLINK(\"http://x\")";
            await db.SaveChangesAsync();
        }

        var all = await api.GetAsync($"/api/v1/campaigns/{id}/candidates.csv");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("text/csv", all.Content.Headers.ContentType?.MediaType);
        var lines = (await all.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        // The campaign's goal is sales in EUR: the spend is in EUR, the result is revenue in EUR.
        Assert.Equal("platform,handle,display_name,tier,followers,country,source,decision,accepts_gifting,test_spend_eur,test_result_revenue_eur,added_at_utc,account_id,version", lines[0]);
        Assert.Equal(4, lines.Count);
        var kai = lines.Single(l => l.StartsWith("instagram,kai.lifts,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(("manual", "mustinclude", "yes", "120.5", "3400"), (kai[6], kai[7], kai[8], kai[9], kai[10]));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", kai[11]);
        Assert.Equal(ids["kai.lifts"].ToString(System.Globalization.CultureInfo.InvariantCulture), kai[12]);
        var mara = lines.Single(l => l.StartsWith("instagram,mara.moves,", StringComparison.Ordinal)).Split(',');
        // Nothing recorded is an empty cell, never 0.
        Assert.Equal(("excluded", "no", "", ""), (mara[7], mara[8], mara[9], mara[10]));
        Assert.Contains("'=HYPERLINK(", lines.Single(l => l.StartsWith("instagram,lena.kocht,", StringComparison.Ordinal)));

        // The page's filter, the same parameters as the candidates list.
        var excluded = (await api.GetStringAsync($"/api/v1/campaigns/{id}/candidates.csv?decision=excluded")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, excluded.Length);
        Assert.StartsWith("instagram,mara.moves,", excluded[1]);
        Assert.Equal(2, (await api.GetStringAsync($"/api/v1/campaigns/{id}/candidates.csv?q=%40KAI")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await AssertFieldErrorAsync(await api.GetAsync($"/api/v1/campaigns/{id}/candidates.csv?decision=maybe"), "decision", "unknown decision 'maybe'");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/campaigns/{Guid.NewGuid()}/candidates.csv")).StatusCode);

        var audit = await host.AuditAsync();
        Assert.Contains(audit, e => e.Action == Grapevine.Core.Audit.AuditLog.Actions.Export && e.Detail == "3 of 3 candidates as CSV");
        Assert.Contains(audit, e => e.Action == Grapevine.Core.Audit.AuditLog.Actions.Export && e.Detail == "1 of 3 candidates as CSV (filter: decision=excluded)");
    }

    [Theory, BothProviders]
    public async Task Bad_input_gets_problem_details_naming_the_field(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var db = host.Database.CreateContext())
            await DiscoveryTestData.SeedAsync(db);
        using var api = await host.Factory.CreateApiClientAsync();

        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/campaigns", new { brand = "B", goal = "sales", budget = 10 }), "name", "A campaign name is required.");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/campaigns", new { name = "N", brand = "B", goal = "sales", budget = -1 }), "budget", "more than 0");
        // A value of the wrong JSON type names its field and what was expected, not the server's type names.
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/campaigns", new { name = "N", brand = "B", goal = "sales", budget = "abc" }), "budget", "expected a number");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/campaigns", new { name = "N", brand = "B", goal = "sales", budget = 10, startsOn = "soon" }), "startsOn", "expected a date");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/campaigns", new { name = "N", brand = "B", goal = "sales", budget = 10, targetAgeMin = 40, targetAgeMax = 20 }),
            "targetAgeMax", "more than the oldest");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/campaigns",
            new { name = "N", brand = "B", goal = "sales", budget = 10, platforms = new[] { "tiktok" }, deliverables = new[] { new { deliverable = "instagram_post", count = 1 } } }),
            "deliverables[0].deliverable", "not on the campaign's platforms");

        var id = (await (await api.PostAsJsonAsync("/api/v1/campaigns", Body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssertFieldErrorAsync(await api.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { name = "N", brand = "B", goal = "fame", budget = 10 }), "goal", "Unknown goal 'fame'");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { }), "search", "exactly one of");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { minFollowers = "lots" } }), "search.min_followers", "not a number of followers");
        // An empty search would add 200 arbitrary creators; a search naming no platform looks on the campaign's (instagram).
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { } }), "search", "Type some words or choose a filter");
        var micro = await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { tier = "micro" } });
        Assert.Equal(HttpStatusCode.OK, micro.StatusCode);
        var added = await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}/candidates");
        Assert.NotEmpty(added.EnumerateArray());
        Assert.All(added.EnumerateArray(), c => Assert.Equal("instagram", c.GetProperty("platform").GetString()));
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { platform = "myspace", handle = "x" }), "platform", "unknown platform");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { platform = "instagram", handle = "nobody" }), "handle", "no instagram account 'nobody'");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { listId = Guid.NewGuid() }), "listId", "no such list");
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/campaigns/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory, BothProviders]
    public async Task Several_bad_fields_are_all_named_in_one_problem(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        Dictionary<string, long> ids;
        await using (var db = host.Database.CreateContext())
            ids = await DiscoveryTestData.SeedAsync(db);
        using var api = await host.Factory.CreateApiClientAsync();
        var bad = new
        {
            name = "",
            brand = "B",
            goal = "sales",
            budget = -5,
            startsOn = "2027-05-01",
            endsOn = "2027-04-01",
            platforms = new[] { "myspace" },
            targetCountries = new[] { "USA" },
            deliverables = new[] { new { deliverable = "fax", count = 1 }, new { deliverable = "instagram_post", count = 30 } },
        };

        var created = await AssertFieldErrorsAsync(await api.PostAsJsonAsync("/api/v1/campaigns", bad));
        Assert.Equal(["budget", "deliverables[0].deliverable", "deliverables[1].count", "endsOn", "name", "platforms", "targetCountries"], created.Keys.Order());
        Assert.Equal(("A campaign name is required.", "The budget is more than 0."), (created["name"], created["budget"]));
        Assert.Contains("before it starts", created["endsOn"]);
        Assert.Contains("unknown platform 'myspace'", created["platforms"], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await api.GetFromJsonAsync<JsonElement[]>("/api/v1/campaigns") ?? []);

        var id = (await (await api.PostAsJsonAsync("/api/v1/campaigns", Body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var updated = await AssertFieldErrorsAsync(await api.PutAsJsonAsync($"/api/v1/campaigns/{id}", bad));
        Assert.Equal(created.Keys.Order(), updated.Keys.Order());
        Assert.Equal("Spring launch", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}")).GetProperty("name").GetString());

        await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { platform = "instagram", handle = "kai.lifts" });
        var patched = await AssertFieldErrorsAsync(await api.PatchAsJsonAsync($"/api/v1/campaigns/{id}/candidates/{ids["kai.lifts"]}",
            new { decision = "maybe", testSpend = -1, testResult = -2 }));
        Assert.Equal(["decision", "testResult", "testSpend"], patched.Keys.Order());
    }

    [Theory, BothProviders]
    public async Task Several_candidates_are_removed_at_once_naming_those_that_were_not_candidates(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (api, id, _) = await CampaignWithCandidatesAsync(host);
        using var _ = api;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { search = new { text = "vegan" } })).StatusCode);
        var candidates = (await api.GetFromJsonAsync<List<CandidateView>>($"/api/v1/campaigns/{id}/candidates"))!;
        Assert.True(candidates.Count >= 3, $"{candidates.Count} candidates");
        var (one, two, kept) = (candidates[0], candidates[1], candidates[2]);

        var removed = await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates/remove", new { accountIds = new[] { one.AccountId, two.AccountId, 999_999_999L } });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var result = (await removed.Content.ReadFromJsonAsync<CandidatesRemoved>())!;
        Assert.Equal(2, result.Removed);
        Assert.Equal([999_999_999L], result.NotCandidates);
        var left = (await api.GetFromJsonAsync<List<CandidateView>>($"/api/v1/campaigns/{id}/candidates"))!.Select(c => c.AccountId).ToList();
        Assert.DoesNotContain(one.AccountId, left);
        Assert.DoesNotContain(two.AccountId, left);
        Assert.Contains(kept.AccountId, left);
        var audit = await host.AuditAsync();
        Assert.Contains(audit, e => e.Action == CampaignService.AuditActions.CandidatesRemoved && e.Detail!.StartsWith("2 removed: @", StringComparison.Ordinal)
            && e.Detail.Contains("@" + one.Handle, StringComparison.Ordinal) && e.Detail.Contains("@" + two.Handle, StringComparison.Ordinal));

        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates/remove", new { accountIds = Array.Empty<long>() }), "accountIds", "at least one");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates/remove", new { }), "accountIds", "at least one");
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/campaigns/{Guid.NewGuid()}/candidates/remove", new { accountIds = new[] { kept.AccountId } })).StatusCode);
    }

    [Theory, BothProviders]
    public async Task A_change_without_if_match_that_a_colleague_keeps_beating_answers_409_and_changes_nothing(DatabaseProvider provider)
    {
        // Once armed, before every save of the web host a colleague records a new test result on every candidate.
        var armed = false;
        var result = 0.0;
        TestDatabase? database = null;
        var race = new SaveFirst(async () =>
        {
            if (!armed)
                return;
            result++;
            await using var colleague = database!.CreateContext();
            await colleague.CampaignCandidates.IgnoreQueryFilters().ExecuteUpdateAsync(c => c.SetProperty(x => x.TestResult, result));
        }, everySave: true);
        await using var host = await StartAsync(provider, services: s => s.ConfigureDbContext<GrapevineDb>(o => o.AddInterceptors(race)));
        database = host.Database;
        var (api, id, ids) = await CampaignWithCandidatesAsync(host, "kai.lifts");
        using var _ = api;
        var kai = ids["kai.lifts"];
        armed = true;

        var changed = await api.PatchAsJsonAsync($"/api/v1/campaigns/{id}/candidates/{kai}", new { decision = "excluded" });
        var body = await changed.Content.ReadAsStringAsync();
        Assert.True(changed.StatusCode == HttpStatusCode.Conflict, $"expected 409, got {(int)changed.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("A colleague keeps changing this candidate", problem.GetProperty("title").GetString());
        Assert.Equal("@kai.lifts was not changed: a colleague keeps changing it (their change landed first each of the 3 times this was tried). " +
            "Nothing was changed: reload to see their changes, then try again.", problem.GetProperty("detail").GetString());
        var removed = await api.DeleteAsync($"/api/v1/campaigns/{id}/candidates/{kai}");
        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
        Assert.StartsWith("@kai.lifts was not removed: a colleague keeps changing it", JsonDocument.Parse(await removed.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());

        armed = false;
        var now = Assert.Single((await api.GetFromJsonAsync<List<CandidateView>>($"/api/v1/campaigns/{id}/candidates"))!);
        Assert.Equal(("open", result), (now.Decision, now.TestResult!.Value));
    }

    /// <summary>
    /// The arrange step most tests share: the discovery test catalogue (its account ids by handle), an API client of the
    /// owner, the <see cref="Body"/> campaign, and these instagram handles added as its candidates.
    /// </summary>
    private static async Task<(HttpClient Api, Guid Id, Dictionary<string, long> Ids)> CampaignWithCandidatesAsync(AuthTestHost host, params string[] handles)
    {
        Dictionary<string, long> ids;
        await using (var db = host.Database.CreateContext())
            ids = await DiscoveryTestData.SeedAsync(db);
        var api = await host.Factory.CreateApiClientAsync();
        var id = (await (await api.PostAsJsonAsync("/api/v1/campaigns", Body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var handle in handles)
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/campaigns/{id}/candidates", new { platform = "instagram", handle })).StatusCode);
        return (api, id, ids);
    }

    private static async Task<Dictionary<string, string>> AssertFieldErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 for {field}, got {(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {body}");
        Assert.Contains(message, messages[0].GetString());
    }
}
