using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Catalogue.Browse;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.IntegrationTests.Infrastructure;
using static Grapevine.IntegrationTests.Web.CatalogueTestData;

namespace Grapevine.IntegrationTests.Web;

public class AccountsApiTests
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    [Theory, BothProviders]
    public async Task Filters_return_exactly_the_matching_accounts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        (string Query, Func<Seeded, bool> Expected)[] cases =
        [
            ("platform=tiktok", s => s.Platform == "tiktok"),
            ("platform=TikTok", s => s.Platform == "tiktok"),
            ("tier=micro", s => s.Tier == "micro"),
            ("country=de", s => s.Country == "DE"),
            ("language=PT", s => s.Language == "pt"),
            ("category=beauty", s => s.Category == "beauty"),
            ("minFollowers=30000", s => s.Followers >= 30_000),
            ("maxFollowers=12500", s => s.Followers <= 12_500),
            ("platform=instagram&tier=micro&minFollowers=20000&maxFollowers=80000",
                s => s.Platform == "instagram" && s.Tier == "micro" && s.Followers is >= 20_000 and <= 80_000),
            ("country=US&category=fitness&language=en", s => s.Country == "US" && s.Category == "fitness" && s.Language == "en"),
        ];
        foreach (var (query, expected) in cases)
        {
            var want = seeded.Where(expected).Select(s => s.Handle).Order().ToList();
            Assert.True(want.Count > 0, $"test data has no match for {query}");
            var pages = await WalkAsync(client, $"/api/v1/accounts?{query}&limit=200");
            var got = pages.SelectMany(p => p.Items).Select(i => i.Handle).Order().ToList();
            Assert.True(want.SequenceEqual(got), $"{query}: expected [{string.Join(",", want)}], got [{string.Join(",", got)}]");
        }
    }

    [Theory, BothProviders]
    public async Task Items_carry_the_list_fields_with_unknown_as_null(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        var page = await GetPageAsync(client, "/api/v1/accounts?limit=200");
        Assert.Equal(seeded.Count, page.Items.Count);
        foreach (var s in seeded)
        {
            var item = page.Items.Single(i => i.Handle == s.Handle);
            Assert.Equal(
                (s.Platform, s.Followers, s.Tier, s.Country, s.Language, s.Category, s.Er, s.Growth),
                (item.Platform, item.Followers, item.Tier, item.Country, item.Language, item.Category, item.ErFollowers, item.FollowerGrowth30d));
        }
        Assert.Contains(page.Items, i => i.ErFollowers is null);
        Assert.Contains(page.Items, i => i.Followers is null);
        Assert.Null(page.NextCursor);
        Assert.Null(page.PreviousCursor);
    }

    [Theory, BothProviders]
    public async Task Cursor_pages_walk_every_sort_forward_and_back_without_duplicates_or_gaps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        foreach (var sort in new[] { "followers", "-followers", "er", "-er", "handle", "-handle", "growth", "-growth" })
        {
            var forward = await WalkAsync(client, $"/api/v1/accounts?sort={sort}&limit=7");
            var walked = forward.SelectMany(p => p.Items).Select(i => i.Handle).ToList();
            var expected = ExpectedOrder(seeded, sort).Select(s => s.Handle).ToList();
            Assert.True(expected.SequenceEqual(walked), $"sort {sort}: expected [{string.Join(",", expected)}], walked [{string.Join(",", walked)}]");
            Assert.Equal(6, forward.Count);
            Assert.Null(forward[0].PreviousCursor);
            Assert.Null(forward[^1].NextCursor);

            // From the last page back to the first, previousCursor gives the same pages in reverse.
            var page = forward[^1];
            for (var k = forward.Count - 2; k >= 0; k--)
            {
                Assert.NotNull(page.PreviousCursor);
                page = await GetPageAsync(client, $"/api/v1/accounts?sort={Uri.EscapeDataString(sort)}&limit=7&cursor={page.PreviousCursor}");
                Assert.Equal(forward[k].Items.Select(i => i.Handle), page.Items.Select(i => i.Handle));
            }
            Assert.Null(page.PreviousCursor);
        }
    }

    [Theory, BothProviders]
    public async Task Filtered_pages_keep_the_filter_across_cursors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeded = await SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        var pages = await WalkAsync(client, "/api/v1/accounts?minFollowers=10000&sort=-er&limit=4");
        var expected = ExpectedOrder(seeded.Where(s => s.Followers >= 10_000), "-er").Select(s => s.Handle);
        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(i => i.Handle));
        Assert.True(pages.Count > 2);
    }

    [Theory, BothProviders]
    public async Task Detail_gives_profile_every_metric_with_its_definition_snapshots_and_posts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
            await SeedDetailedAsync(db);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        var response = await client.GetAsync("/api/v1/accounts/Instagram/%40Mara.Moves");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var details = (await response.Content.ReadFromJsonAsync<AccountDetails>(Json))!;

        var p = details.Profile;
        Assert.Equal(("instagram", "mara.moves", "Mara Okafor", 20_000L, 612L, 340L), (p.Platform, p.Handle, p.DisplayName, p.Followers!.Value, p.Following!.Value, p.PostsCount!.Value));
        Assert.Equal(("DE", "de", "fitness", "micro", "mara@example.com", "https://example.com/mara"), (p.Country, p.Language, p.Category, p.Tier, p.Email, p.ExternalUrl));

        Assert.Equal(MetricDefinitions.All.Select(d => d.Name), details.Metrics.Select(m => m.Name));
        foreach (var metric in details.Metrics)
        {
            var definition = MetricDefinitions.Find(metric.Name)!;
            Assert.Equal((definition.Label, definition.Unit, definition.Definition, definition.Formula), (metric.Label, metric.Unit, metric.Definition, metric.Formula));
        }
        var er = details.Metrics.Single(m => m.Name == "er_followers");
        Assert.Equal((2.35, 12, AsOf.AddDays(-34), AsOf.AddDays(-1)), (er.Value!.Value, er.N, er.WindowStart!.Value, er.WindowEnd!.Value));
        var ratio = details.Metrics.Single(m => m.Name == "paid_organic_er_ratio");
        Assert.Null(ratio.Value);
        Assert.Equal(12, ratio.N);
        var reach = details.Metrics.Single(m => m.Name == "er_reach");
        Assert.Equal((null, 0, null), (reach.Value, reach.N, reach.WindowStart));

        Assert.Equal([19_000L, 19_250, 19_500, 19_750, 20_000], details.Snapshots.Select(s => s.Followers!.Value));
        Assert.True(details.Snapshots.Zip(details.Snapshots.Skip(1)).All(x => x.First.At < x.Second.At));

        Assert.Equal(13, details.RecentPosts.Count);
        var story = details.RecentPosts[0];
        Assert.Equal(("s00", "story", false, (double?)null), (story.PostId, story.Type, story.IsFeed, story.ErFollowers));
        var newest = details.RecentPosts[1];
        Assert.Equal(("p00", "reel", true), (newest.PostId, newest.Type, newest.IsFeed));
        Assert.Equal(2.1, newest.ErFollowers!.Value, 9);
        Assert.True(details.RecentPosts.Zip(details.RecentPosts.Skip(1)).All(x => x.First.PostedAt >= x.Second.PostedAt));
    }

    [Theory, BothProviders]
    public async Task Unknown_account_is_a_404_problem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        var response = await client.GetAsync("/api/v1/accounts/tiktok/nobody_here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("nobody_here", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory, BothProviders]
    public async Task Bad_parameters_are_400_problems_naming_the_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();
        var otherSortCursor = (await GetPageAsync(client, "/api/v1/accounts?sort=handle&limit=5")).NextCursor;

        (string Url, string Field, string Says)[] cases =
        [
            ("/api/v1/accounts?platform=myspace", "platform", "unknown platform 'myspace'; one of instagram"),
            ("/api/v1/accounts?tier=giga", "tier", "unknown tier 'giga'"),
            ("/api/v1/accounts?country=Germany", "country", "two-letter"),
            ("/api/v1/accounts?country=QQ", "country", "'QQ' is not an assigned country code"),
            ("/api/v1/accounts?min_followers=5", "min_followers", "not a parameter of this list; did you mean 'minFollowers'?"),
            ("/api/v1/accounts?followers=5", "followers", "the parameters are platform, tier, country"),
            ("/api/v1/accounts?language=xq", "language", "'xq' is not a known language code"),
            ("/api/v1/accounts?minFollowers=-1", "minFollowers", "0 or more"),
            ("/api/v1/accounts?maxFollowers=-5", "maxFollowers", "0 or more"),
            ("/api/v1/accounts?minFollowers=5000&maxFollowers=100", "minFollowers", "more than maxFollowers"),
            ("/api/v1/accounts?minFollowers=lots", "minFollowers", "not a whole number"),
            ("/api/v1/accounts?limit=0", "limit", "between 1 and 200"),
            ("/api/v1/accounts?limit=201", "limit", "between 1 and 200"),
            ("/api/v1/accounts?sort=-popularity", "sort", "unknown sort '-popularity'"),
            ("/api/v1/accounts?cursor=not-a-cursor", "cursor", "malformed cursor"),
            ("/api/v1/accounts?cursor=" + Convert.ToBase64String("c1|n|-followers|x|=1"u8.ToArray()), "cursor", "malformed cursor"),
            ($"/api/v1/accounts?sort=-er&cursor={otherSortCursor}", "cursor", "belongs to sort 'handle'"),
            ("/api/v1/accounts/myspace/someone", "platform", "unknown platform 'myspace'"),
        ];
        foreach (var (url, field, says) in cases)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            var messages = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.True(messages.Any(m => m!.Contains(says, StringComparison.Ordinal)), $"{url}: {body}");
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        }
    }

    [Theory, BothProviders]
    public async Task OpenApi_document_lists_the_endpoints_with_their_responses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new GrapevineWebFactory(database.ConnectionString);
        using var client = await factory.CreateApiClientAsync();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var list = paths.GetProperty("/api/v1/accounts").GetProperty("get");
        Assert.Equal("ListAccounts", list.GetProperty("operationId").GetString());
        Assert.Equal(
            ["platform", "tier", "country", "language", "category", "tag", "minFollowers", "maxFollowers", "sort", "limit", "cursor"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("#/components/schemas/AccountPage", Schema(list, "200", "application/json"));
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", Schema(list, "400", "application/problem+json"));

        var detail = paths.GetProperty("/api/v1/accounts/{platform}/{handle}").GetProperty("get");
        Assert.Equal("#/components/schemas/AccountDetails", Schema(detail, "200", "application/json"));
        Assert.Equal("#/components/schemas/ProblemDetails", Schema(detail, "404", "application/problem+json"));
        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty("MetricView", out _));

        foreach (var (path, method) in new[]
        {
            ("/api/v1/workspaces", "get"), ("/api/v1/members", "get"), ("/api/v1/invitations", "post"), ("/api/v1/invitations", "get"),
            ("/api/v1/invitations/{id}", "delete"), ("/api/v1/members/{userId}", "patch"),
            ("/api/v1/api-keys", "post"), ("/api/v1/api-keys/{id}", "delete"), ("/api/v1/audit", "get"), ("/api/v1/lists", "post"),
            ("/api/v1/lists/{id}/items", "post"), ("/api/v1/lists/{id}/export", "get"), ("/api/v1/accounts/{platform}/{handle}/notes", "post"),
            ("/api/v1/accounts/{platform}/{handle}/tags/{tag}", "delete"), ("/api/v1/notes/{id}", "delete"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out _), $"{method} {path} is not in the OpenAPI document");
        }
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", Schema(paths.GetProperty("/api/v1/invitations").GetProperty("post"), "400", "application/problem+json"));

        // The reference is public, like the document: it holds no workspace data.
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        var scalar = await anonymous.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("openapi/v1.json", await scalar.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        static string? Schema(JsonElement operation, string status, string mediaType) =>
            operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty(mediaType)
                .GetProperty("schema").GetProperty("$ref").GetString();
    }

    internal static async Task<List<Seeded>> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await CatalogueTestData.SeedAsync(db);
    }

    private static async Task<AccountPage> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<AccountPage>(body, Json)!;
    }

    private static async Task<List<AccountPage>> WalkAsync(HttpClient client, string firstUrl)
    {
        var pages = new List<AccountPage> { await GetPageAsync(client, firstUrl) };
        while (pages[^1].NextCursor is { } next)
        {
            Assert.True(pages.Count < 100, "pagination does not end");
            pages.Add(await GetPageAsync(client, $"{firstUrl}&cursor={next}"));
        }
        return pages;
    }

    /// <summary>The order the API promises: the sort value with unknown values last, then account id.</summary>
    private static IEnumerable<Seeded> ExpectedOrder(IEnumerable<Seeded> accounts, string sort)
    {
        var descending = sort.StartsWith('-');
        Func<Seeded, IComparable?> key = sort.TrimStart('-') switch
        {
            "followers" => s => s.Followers,
            "er" => s => s.Er,
            "growth" => s => s.Growth,
            _ => s => s.Handle,
        };
        var known = accounts.Where(s => key(s) is not null);
        var ordered = descending ? known.OrderByDescending(key).ThenBy(s => s.Id) : known.OrderBy(key).ThenBy(s => s.Id);
        return ordered.Concat(accounts.Where(s => key(s) is null).OrderBy(s => s.Id));
    }
}
