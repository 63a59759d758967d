using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.Core.Discovery.Query;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Grapevine.IntegrationTests.Discovery;

/// <summary>
/// Discover counts flagged texts with the searching workspace's brand-safety lists, as its vetting reports do: a keyword one
/// workspace added flags an account for it and not for another, and a default keyword it removed no longer does.
/// </summary>
public class DiscoverySafetyListsTests
{
    private static async Task SeedAsync(AuthTestHost host)
    {
        await using var db = host.Database.CreateContext();
        var now = host.Time.GetUtcNow().UtcDateTime;
        (string Handle, string Bio, string[] Captions)[] creators =
        [
            ("gin.night", "hosting supper clubs", ["gin night with friends", "a long walk by the sea"]),
            ("gin.and.beer", "bar reviews", ["gin and beer at the harbour"]),
            ("prosecco.time", "lake life", ["prosecco time at the lake", "sunset swim"]),
            ("plain.water", "hiking and tea", ["mountain tea at dawn"]),
        ];
        foreach (var (handle, bio, captions) in creators)
        {
            var account = new Account
            {
                Creator = new Creator { DisplayName = handle },
                Platform = Platform.Instagram,
                Handle = handle,
                Bio = bio,
                Followers = 20_000,
                UpdatedAt = now,
                Posts = [.. captions.Select((caption, i) => new Post
                {
                    ExternalId = $"{handle}-{i}", PostedAt = now.AddDays(-1 - i), Type = PostType.Photo, Caption = caption, Likes = 100, Comments = 5,
                })],
            };
            db.Accounts.Add(account);
        }
        await db.SaveChangesAsync();
        await new SearchProfileRefresher(db, host.Time).RefreshAllAsync();
    }

    private static async Task<(Dictionary<string, int?> Flagged, JsonElement Lists)> SearchAsync(HttpClient api)
    {
        var response = await api.GetAsync("/api/v1/search?limit=200");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var flagged = json.RootElement.GetProperty("hits").EnumerateArray().ToDictionary(
            h => h.GetProperty("handle").GetString()!,
            h => h.GetProperty("flaggedTexts") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : (int?)null);
        return (flagged, json.RootElement.GetProperty("safetyLists").Clone());
    }

    [Theory, BothProviders]
    public async Task Flagged_texts_follow_each_workspaces_own_lists(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        await SeedAsync(host);
        using var a = await host.Factory.CreateApiClientAsync("a@a-brand.test");
        using var b = await host.Factory.CreateApiClientAsync("b@b-agency.test");

        var edited = await a.PatchAsJsonAsync("/api/v1/brand-safety/categories/alcohol", new { add = new[] { "prosecco" }, remove = new[] { "gin" } });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var (forA, listsA) = await SearchAsync(a);
        // "prosecco" was added: the caption that has it is flagged. "gin" was removed: "gin night" is not, while
        // "gin and beer" still is, for "beer" (a text counts once, whatever it matches).
        Assert.Equal(1, forA["prosecco.time"]);
        Assert.Equal(0, forA["gin.night"]);
        Assert.Equal(1, forA["gin.and.beer"]);
        Assert.Equal(0, forA["plain.water"]);
        Assert.Equal(("workspace", "default"), (listsA.GetProperty("flaggedTexts").GetString(), listsA.GetProperty("fit").GetString()));
        Assert.Contains("this workspace's brand-safety lists", listsA.GetProperty("note").GetString());

        // Workspace B never edited its lists: the defaults, where gin counts and prosecco does not.
        var (forB, listsB) = await SearchAsync(b);
        Assert.Equal(0, forB["prosecco.time"]);
        Assert.Equal(1, forB["gin.night"]);
        Assert.Equal(1, forB["gin.and.beer"]);
        Assert.Equal(("default", "default"), (listsB.GetProperty("flaggedTexts").GetString(), listsB.GetProperty("fit").GetString()));

        // The CSV export says the same, and whose lists they were.
        var csv = (await a.GetStringAsync("/api/v1/search.csv?limit=200")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var header = csv[0].ToList();
        var prosecco = csv.Single(r => r[header.IndexOf("handle")] == "prosecco.time");
        Assert.Equal(("1", "workspace"), (prosecco[header.IndexOf("brand_safety_flagged_texts_n")], prosecco[header.IndexOf("brand_safety_lists")]));
    }

    [Theory, BothProviders]
    public async Task The_page_flags_with_the_workspaces_lists_and_says_so(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        await SeedAsync(host);
        using var api = await host.Factory.CreateApiClientAsync();
        using var owner = await host.Factory.SignInAsync("owner@example.com");
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync("/api/v1/brand-safety/categories/alcohol", new { add = new[] { "prosecco" }, remove = new[] { "gin" } })).StatusCode);

        var html = await AuthTestHost.HtmlAsync(await owner.GetAsync("/discover?q=prosecco"));
        Assert.Contains("data-handle=\"prosecco.time\"", html);
        Assert.Contains("⚑ 1 text flagged", html);
        Assert.Contains("matching this workspace's brand-safety lists", html);
        Assert.Contains("Flagged texts are counted with this workspace's brand-safety lists, as in its vetting reports. The fit score's safety part still uses Grapevine's default lists", html);

        // "gin" no longer counts here.
        Assert.DoesNotContain("text flagged", await AuthTestHost.HtmlAsync(await owner.GetAsync("/discover?q=night")));
    }

    [Theory, BothProviders]
    public async Task A_workspace_whose_lists_hold_the_default_keywords_agrees_with_the_fit_score(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        await SeedAsync(host);
        using var a = await host.Factory.CreateApiClientAsync("a@a-brand.test");

        // A rename copies the defaults into the workspace's own lists without changing a keyword.
        Assert.Equal(HttpStatusCode.OK, (await a.PatchAsJsonAsync("/api/v1/brand-safety/categories/alcohol", new { name = "drinks" })).StatusCode);

        var (flagged, lists) = await SearchAsync(a);
        Assert.Equal(("workspace", "workspace"), (lists.GetProperty("flaggedTexts").GetString(), lists.GetProperty("fit").GetString()));
        Assert.Equal(1, flagged["gin.night"]);
        Assert.Equal(0, flagged["prosecco.time"]);
    }

    [Theory, BothProviders]
    public async Task Scanning_the_hits_texts_again_finds_what_their_profiles_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var asOf = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        await using var db = database.CreateContext();
        await new DemoSeeder(db, new FakeTimeProvider(new DateTimeOffset(asOf.AddHours(9)))).SeedAsync(new DemoOptions(300, 7, asOf), null, default);
        var profiles = await db.SearchProfiles.AsNoTracking().ToListAsync();

        // The default keywords and one that no text holds: not the defaults, so every hit's texts are read and scanned again.
        var lexicon = new WorkspaceLexicon(new BrandSafetyLexicon([.. BrandSafetyLexicon.Default.Categories, new BrandSafetyCategory("none", ["zzqxjv"])]), true, true);
        Assert.False(lexicon.FlagsAsDefault);
        var scanned = await HitFlaggedTexts.CountAsync(db, profiles, lexicon, default);

        Assert.Equal(profiles.ToDictionary(p => p.AccountId, p => HitFlaggedTexts.FromSafetyScore(p.SafetyScore)), scanned);
        Assert.Contains(scanned.Values, v => v > 0);
    }
}
