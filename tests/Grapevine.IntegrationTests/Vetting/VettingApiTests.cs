using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Authenticity;
using Grapevine.Core.Data;
using Grapevine.Core.Vetting;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Vetting;

public class VettingApiTests
{
    private static readonly string[] SignalIds =
        ["audience_quality", "follower_growth", "engagement", "comment_quality", "sponsored_saturation", "posting_activity", "brand_safety"];

    private static GrapevineWebFactory Factory(TestDatabase database) => new(database.ConnectionString)
    {
        TestServices = s =>
        {
            s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(VettingTestData.Now)));
            s.AddSingleton<IFollowerClassifier, UsernameClassifier>();
        },
    };

    [Theory, BothProviders]
    public async Task A_bought_audience_is_red_with_its_reasons_signals_and_details(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        await using var factory = Factory(database);
        using var client = await factory.CreateApiClientAsync();

        var response = await client.GetAsync($"/api/v1/accounts/instagram/@{VettingTestData.Bought.ToUpperInvariant()}/vetting");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("instagram", root.GetProperty("platform").GetString());
        Assert.Equal(VettingTestData.Bought, root.GetProperty("handle").GetString());
        Assert.Equal("micro", root.GetProperty("tier").GetString());
        Assert.Equal("red", root.GetProperty("verdict").GetString());
        var reasons = root.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("Audience quality: 60% real (95% CI", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Follower growth anomalies: 1 unexplained follower spike", StringComparison.Ordinal));

        var signals = root.GetProperty("signals").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(SignalIds.Order(), signals.Keys.Order());
        foreach (var s in signals.Values)
        {
            foreach (var field in new[] { "label", "unit", "expectedRange", "why", "formula" })
                Assert.False(string.IsNullOrEmpty(s.GetProperty(field).GetString()), $"{field} of {s.GetProperty("id")}");
            Assert.Contains(s.GetProperty("verdict").GetString(), new[] { "ok", "watch", "concern", "not_enough_data" });
            Assert.True(s.GetProperty("n").GetInt32() >= 0);
            Assert.Equal(s.GetProperty("verdict").GetString() == "not_enough_data", s.GetProperty("value").ValueKind == JsonValueKind.Null);
        }
        Assert.Equal("concern", signals["audience_quality"].GetProperty("verdict").GetString());
        Assert.Equal(60, signals["audience_quality"].GetProperty("value").GetDouble(), 6);
        Assert.Equal(150, signals["audience_quality"].GetProperty("n").GetInt32());
        Assert.Equal("concern", signals["follower_growth"].GetProperty("verdict").GetString());
        Assert.Equal("concern", signals["comment_quality"].GetProperty("verdict").GetString());
        Assert.Equal("watch", signals["brand_safety"].GetProperty("verdict").GetString());
        // Two accounts are too few peers for a percentile: unknown, and said so.
        Assert.Equal("not_enough_data", signals["engagement"].GetProperty("verdict").GetString());

        var audience = root.GetProperty("audience");
        Assert.Equal(0.6, audience.GetProperty("realShare").GetDouble(), 9);
        Assert.InRange(audience.GetProperty("low").GetDouble(), 0.51, 0.6);
        Assert.InRange(audience.GetProperty("high").GetDouble(), 0.6, 0.7);
        Assert.Equal(150, audience.GetProperty("sampleSize").GetInt32());

        var spike = Assert.Single(root.GetProperty("spikes").EnumerateArray());
        Assert.False(spike.GetProperty("organic").GetBoolean());
        Assert.True(spike.GetProperty("unexplained").GetBoolean());
        Assert.Equal(VettingTestData.SpikeSeenAt, spike.GetProperty("to").GetDateTime().ToUniversalTime());
        Assert.Equal(27, root.GetProperty("followers").GetArrayLength());

        var comments = root.GetProperty("comments");
        Assert.Equal(20, comments.GetProperty("n").GetInt32());
        Assert.Equal(7, comments.GetProperty("counts").GetProperty("emoji_only").GetInt32());
        Assert.Equal(7, comments.GetProperty("counts").GetProperty("generic").GetInt32());
        Assert.Equal(6, comments.GetProperty("counts").GetProperty("spam").GetInt32());

        var match = Assert.Single(root.GetProperty("brandSafety").EnumerateArray());
        Assert.Equal("gambling", match.GetProperty("category").GetString());
        Assert.Equal("https://www.instagram.com/p/boug04/", match.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("engagement").GetProperty("percentile").ValueKind);
    }

    [Theory, BothProviders]
    public async Task A_steady_genuine_account_is_green(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        await using var factory = Factory(database);
        using var client = await factory.CreateApiClientAsync();

        var root = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/accounts/instagram/{VettingTestData.Steady}/vetting")).RootElement;
        Assert.Equal("green", root.GetProperty("verdict").GetString());
        Assert.StartsWith("No warning sign in audience quality, follower growth anomalies", root.GetProperty("reasons")[0].GetString());
        Assert.Empty(root.GetProperty("spikes").EnumerateArray());
        Assert.Empty(root.GetProperty("brandSafety").EnumerateArray());
    }

    [Theory, BothProviders]
    public async Task Brand_safety_uses_the_workspace_lists(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        await using var factory = Factory(database);
        using var client = await factory.CreateApiClientAsync();
        var url = $"/api/v1/accounts/instagram/{VettingTestData.Steady}/vetting";
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.GetProperty("brandSafety").EnumerateArray());

        // This workspace's own category: its river captions now match, linked post by post.
        var added = await client.PostAsJsonAsync("/api/v1/brand-safety/categories", new { name = "waterways", keywords = new[] { "river" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var root = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
        var matches = root.GetProperty("brandSafety").EnumerateArray().ToList();
        Assert.Equal(30, matches.Count);
        Assert.All(matches, m => Assert.Equal("waterways", m.GetProperty("category").GetString()));
        Assert.Equal("amber", root.GetProperty("verdict").GetString());
    }

    [Theory, BothProviders]
    public async Task A_workspace_that_deleted_every_brand_safety_list_gets_brand_safety_not_checked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        await using var factory = Factory(database);
        var owner = await factory.CreateUserAsync("owner@example.com");
        var workspace = await factory.CreateWorkspaceAsync(owner, "Test Brand");
        using var client = factory.CreateKeyClient(await factory.CreateApiKeyAsync(workspace, owner));
        var lists = JsonDocument.Parse(await client.GetStringAsync("/api/v1/brand-safety")).RootElement;
        foreach (var category in lists.GetProperty("categories").EnumerateArray())
        {
            var deleted = await client.DeleteAsync($"/api/v1/brand-safety/categories/{Uri.EscapeDataString(category.GetProperty("name").GetString()!)}");
            Assert.True(deleted.IsSuccessStatusCode, $"delete {category.GetProperty("name")}: {(int)deleted.StatusCode}");
        }

        var root = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/accounts/instagram/{VettingTestData.Steady}/vetting")).RootElement;
        var safety = root.GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "brand_safety");
        Assert.Equal("not_enough_data", safety.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, safety.GetProperty("value").ValueKind);
        Assert.Contains("this workspace has no brand-safety lists", safety.GetProperty("why").GetString());
        Assert.DoesNotContain("brand safety", root.GetProperty("reasons")[0].GetString());

        // The account page says so too, and is not a pass.
        using var browser = await factory.SignInAsync("owner@example.com");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/accounts/instagram/{VettingTestData.Steady}"));
        Assert.Contains("Not checked: this workspace has no brand-safety lists. Nothing was checked, so this is not a pass.", page);
        Assert.DoesNotContain("No caption matches a brand-safety keyword", page);
    }

    [Theory, BothProviders]
    public async Task The_account_page_gives_the_comment_window_and_spaced_sentences(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        await using var factory = Factory(database);
        using var browser = await factory.CreateSignedInClientAsync();

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/accounts/instagram/{VettingTestData.Steady}"));
        var card = page[page.IndexOf("data-signal=\"comment_quality\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</article>", StringComparison.Ordinal)];
        Assert.Contains("1 Nov 2026 – 21 Nov 2026", card);
        Assert.Matches(@"20 comments on 5 posts\. Low quality: \d+% \(95% CI \d+%–\d+%\)\. Repeated commenters: 0 of 20 authors", page);
    }

    [Theory, BothProviders]
    public async Task Unknown_accounts_and_platforms_are_problem_details(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = Factory(database);
        using var client = await factory.CreateApiClientAsync();

        var missing = await client.GetAsync("/api/v1/accounts/instagram/nobody/vetting");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Account not found", problem.GetProperty("title").GetString());
        Assert.Contains("no instagram account 'nobody'", problem.GetProperty("detail").GetString());

        var platform = await client.GetAsync("/api/v1/accounts/myspace/anna/vetting");
        Assert.Equal(HttpStatusCode.BadRequest, platform.StatusCode);
        Assert.Equal("application/problem+json", platform.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await platform.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("unknown platform 'myspace'", errors.GetProperty("platform")[0].GetString());
    }

    [Theory, BothProviders]
    public async Task An_empty_handle_is_a_400_naming_the_handle_not_a_404(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = Factory(database);
        using var client = await factory.CreateApiClientAsync();

        foreach (var handle in new[] { "%20", "%40", "%20%40%20" })
        {
            var response = await client.GetAsync($"/api/v1/accounts/instagram/{handle}/vetting");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.Contains("empty", errors.GetProperty("handle")[0].GetString());
        }
    }

    [Fact]
    public async Task The_app_vets_with_the_shipped_authenticity_model()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        await using var factory = new GrapevineWebFactory(database.ConnectionString)
        {
            TestServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(VettingTestData.Now))),
        };
        using var client = await factory.CreateApiClientAsync();
        var root = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/accounts/instagram/{VettingTestData.Bought}/vetting")).RootElement;
        Assert.Equal(AuthenticityModel.LoadDefault().Description, root.GetProperty("audience").GetProperty("model").GetString());
        Assert.Equal(150, root.GetProperty("audience").GetProperty("sampleSize").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("audience").GetProperty("realShare").ValueKind);
        Assert.Equal("red", root.GetProperty("verdict").GetString()); // the unexplained spike stands on its own
    }

    [Theory, BothProviders]
    public async Task Several_accounts_export_as_csv_one_row_each_with_unknown_values_empty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await VettingTestData.SeedAsync(db);
        await using var factory = Factory(database);
        var owner = await factory.CreateUserAsync("owner@example.com");
        var workspace = await factory.CreateWorkspaceAsync(owner, "Test Brand");
        using var client = factory.CreateKeyClient(await factory.CreateApiKeyAsync(workspace, owner));

        var response = await client.GetAsync($"/api/v1/vetting.csv?accounts=instagram/{VettingTestData.Bought}, Instagram/@{VettingTestData.Steady.ToUpperInvariant()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Cells(l.TrimEnd('\r'))).ToList();
        Assert.Equal(VettingCsv.Header, lines[0]);
        Assert.Equal(3, lines.Count);
        var bought = lines[0].Zip(lines[1]).ToDictionary(p => p.First, p => p.Second);
        var steady = lines[0].Zip(lines[2]).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal((VettingTestData.Bought, "red"), (bought["handle"], bought["verdict"]));
        Assert.Contains("Audience quality: 60% real (95% CI", bought["reasons"]);
        Assert.Equal(("60", "concern", "150", ""), (bought["audience_quality_real_pct"], bought["audience_quality_verdict"], bought["audience_quality_n"], bought["audience_quality_window"]));
        // Two accounts are too few peers for a percentile: empty, not 0.
        Assert.Equal(("", "not_enough_data"), (bought["engagement_percentile"], bought["engagement_verdict"]));
        Assert.Equal(("1", "concern"), (bought["follower_growth_suspect_spikes"], bought["follower_growth_verdict"]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$", bought["follower_growth_window"]);
        Assert.Equal((VettingTestData.Steady, "green"), (steady["handle"], steady["verdict"]));
        Assert.Equal("0", steady["follower_growth_suspect_spikes"]);

        // Bad items are named by position, all at once; nothing is exported.
        var bad = await client.GetAsync($"/api/v1/vetting.csv?accounts=instagram/{VettingTestData.Steady},instagram/nobody,myspace/anna,anna,instagram/@");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["accounts[1]", "accounts[2]", "accounts[3]", "accounts[4]"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("the catalogue has no instagram account 'nobody'", errors.GetProperty("accounts[1]")[0].GetString());
        Assert.StartsWith("unknown platform 'myspace'", errors.GetProperty("accounts[2]")[0].GetString());
        Assert.StartsWith("'anna' is not platform/handle", errors.GetProperty("accounts[3]")[0].GetString());
        var none = await client.GetAsync("/api/v1/vetting.csv");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True(JsonDocument.Parse(await none.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("accounts", out _));

        // Exporting is a Member's right, as for lists and searches.
        var viewer = await factory.CreateUserAsync("viewer@example.com");
        await factory.AddMemberAsync(workspace, viewer, WorkspaceRole.Viewer);
        using var viewerClient = factory.CreateKeyClient(await factory.CreateApiKeyAsync(workspace, viewer, ApiKeyScope.Read));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync($"/api/v1/vetting.csv?accounts=instagram/{VettingTestData.Steady}")).StatusCode);
    }

    /// <summary>The cells of one CSV line (quoted cells may hold commas and doubled quotes; no line breaks in this data).</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                cell.Append(line[++i]);
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
                cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
