using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery.Pricing;
using Grapevine.Core.Discovery.RateCards;
using Grapevine.Core.Metrics;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Discovery;

/// <summary>A workspace's rate cards through the service, the API and the account page.</summary>
public class RateCardTests
{
    [Theory, BothProviders]
    public async Task Rates_are_set_listed_replaced_and_deleted_through_the_api(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (instagram, tiktok) = await SeedAsync(host);
        using var api = await host.Factory.CreateApiClientAsync();
        var rates = $"/api/v1/accounts/instagram/{instagram.Handle}/rates";

        var empty = await api.GetFromJsonAsync<JsonElement>(rates);
        Assert.Equal(0, empty.GetProperty("rates").GetArrayLength());
        Assert.Equal(("instagram_post", "/discover/how#price-estimates"), (empty.GetProperty("defaultDeliverable").GetString(), empty.GetProperty("methodLink").GetString()));
        var estimates = empty.GetProperty("estimates").EnumerateArray().ToList();
        Assert.Equal(["instagram_post", "instagram_reel", "instagram_story"], estimates.Select(e => e.GetProperty("deliverable").GetString()));
        var expected = PriceEstimator.Default.Estimate("instagram_post", 24_000, 3.1)!;
        var post = estimates[0];
        Assert.Equal(("Instagram feed post", expected.Estimate, expected.Low, expected.High, expected.EngagementFactor, 3.1),
            (post.GetProperty("label").GetString(), post.GetProperty("priceUsd").GetDouble(), post.GetProperty("lowUsd").GetDouble(),
            post.GetProperty("highUsd").GetDouble(), post.GetProperty("engagementFactor").GetDouble(), post.GetProperty("engagementRate").GetDouble()));
        Assert.Equal(PriceEstimate.Method, post.GetProperty("method").GetString());
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/tiktok/{tiktok.Handle}/rates")).GetProperty("estimates").GetArrayLength());

        var set = await api.PutAsJsonAsync($"{rates}/Instagram_Post", new { priceUsd = 250m, note = " quoted in March " });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var rate = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("instagram_post", 250m, "quoted in March"), (rate.GetProperty("deliverable").GetString(), rate.GetProperty("priceUsd").GetDecimal(), rate.GetProperty("note").GetString()));
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, rate.GetProperty("updatedAt").GetDateTime().ToUniversalTime());

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{rates}/instagram_post", new { priceUsd = 275.5m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"{rates}/instagram_story", new { priceUsd = 90 })).StatusCode);
        var listed = (await api.GetFromJsonAsync<JsonElement>(rates)).GetProperty("rates").EnumerateArray().ToList();
        Assert.Equal(["instagram_post", "instagram_story"], listed.Select(r => r.GetProperty("deliverable").GetString()));
        Assert.Equal(275.5m, listed[0].GetProperty("priceUsd").GetDecimal());
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("note").ValueKind);
        Assert.Equal("owner@example.com", listed[0].GetProperty("updatedBy").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{rates}/instagram_story")).StatusCode);
        var missing = await api.DeleteAsync($"{rates}/instagram_story");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains($"no instagram_story rate for instagram account '{instagram.Handle}'", await missing.Content.ReadAsStringAsync());
        Assert.Single((await api.GetFromJsonAsync<JsonElement>(rates)).GetProperty("rates").EnumerateArray());

        var audit = (await host.AuditAsync()).Where(e => e.Action.StartsWith("rate_card", StringComparison.Ordinal)).Select(e => (e.Action, Target: e.Target ?? "", Detail: e.Detail ?? "")).ToList();
        var target = $"instagram/@{instagram.Handle}";
        Assert.Equal(
            new[]
            {
                (RateCardService.AuditActions.RateSet, $"{target} instagram_post", "$250"),
                (RateCardService.AuditActions.RateSet, $"{target} instagram_post", "$275.5 (was $250)"),
                (RateCardService.AuditActions.RateSet, $"{target} instagram_story", "$90"),
                (RateCardService.AuditActions.RateDeleted, $"{target} instagram_story", "was $90"),
            }.Order(),
            audit.Order());
    }

    [Theory, BothProviders]
    public async Task Bad_rates_get_problem_details_naming_the_field(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (instagram, _) = await SeedAsync(host);
        using var api = await host.Factory.CreateApiClientAsync();
        var post = $"/api/v1/accounts/instagram/{instagram.Handle}/rates/instagram_post";

        await AssertFieldErrorAsync(await api.PutAsJsonAsync(post, new { }), "priceUsd", "The price in US dollars is required.");
        await AssertFieldErrorAsync(await api.PutAsJsonAsync(post, new { priceUsd = 0 }), "priceUsd", "more than $0");
        await AssertFieldErrorAsync(await api.PutAsJsonAsync(post, new { priceUsd = -5 }), "priceUsd", "more than $0");
        await AssertFieldErrorAsync(await api.PutAsJsonAsync(post, new { priceUsd = 20_000_000 }), "priceUsd", "at most $10,000,000");
        await AssertFieldErrorAsync(await api.PutAsJsonAsync(post, new { priceUsd = 1.234 }), "priceUsd", "at most two decimals");
        await AssertFieldErrorAsync(await api.PutAsJsonAsync(post, new { priceUsd = 10, note = new string('n', 501) }), "note", "at most 500 characters");
        await AssertFieldErrorAsync(await api.PutAsJsonAsync($"/api/v1/accounts/instagram/{instagram.Handle}/rates/tiktok_video", new { priceUsd = 10 }),
            "deliverable", "'tiktok_video' is not a deliverable of instagram; one of instagram_post, instagram_reel, instagram_story");
        await AssertFieldErrorAsync(await api.GetAsync("/api/v1/accounts/myspace/x/rates"), "platform", "unknown platform");
        var unknown = await api.PutAsJsonAsync("/api/v1/accounts/instagram/nobody.here/rates/instagram_post", new { priceUsd = 10 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("The catalogue has no instagram account 'nobody.here'", await unknown.Content.ReadAsStringAsync());

        await using var db = host.Database.CreateContext();
        Assert.Equal(0, await db.RateCards.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task Each_workspace_sees_its_own_rates_and_only_members_change_them(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (instagram, tiktok) = await SeedAsync(host);
        var ann = await host.Factory.CreateUserAsync("ann@a.test");
        var bob = await host.Factory.CreateUserAsync("bob@b.test");
        var a = await host.Factory.CreateWorkspaceAsync(ann, "A");
        var b = await host.Factory.CreateWorkspaceAsync(bob, "B");
        await host.Factory.AsMemberAsync(a, ann, WorkspaceRole.Owner, async s =>
        {
            var rates = s.GetRequiredService<RateCardService>();
            await rates.SetAsync(instagram.Id, "instagram_post", 300, null, default);
            await rates.SetAsync(tiktok.Id, "tiktok_video", 120.25m, null, default);
            return 0;
        });
        await host.Factory.AsMemberAsync(b, bob, WorkspaceRole.Owner, s => s.GetRequiredService<RateCardService>().SetAsync(instagram.Id, "instagram_post", 999, "B's", default));

        var ofA = await host.Factory.AsMemberAsync(a, ann, WorkspaceRole.Viewer, s => s.GetRequiredService<RateCardService>().ListAsync(instagram.Id, default));
        Assert.Equal(300m, Assert.Single(ofA).PriceUsd);
        var ofB = await host.Factory.AsMemberAsync(b, bob, WorkspaceRole.Viewer, s => s.GetRequiredService<RateCardService>().ListAsync(instagram.Id, default));
        Assert.Equal((999m, "B's"), (Assert.Single(ofB).PriceUsd, ofB[0].Note));

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            host.Factory.AsMemberAsync(a, ann, WorkspaceRole.Viewer, s => s.GetRequiredService<RateCardService>().SetAsync(instagram.Id, "instagram_post", 1, null, default)));
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            host.Factory.AsMemberAsync(a, ann, WorkspaceRole.Viewer, async s => { await s.GetRequiredService<RateCardService>().DeleteAsync(instagram.Id, "instagram_post", default); return 0; }));
        using var scope = host.Factory.Services.CreateScope();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => scope.ServiceProvider.GetRequiredService<RateCardService>().ListAsync(instagram.Id, default));
    }

    [Theory, BothProviders]
    public async Task The_account_page_shows_the_estimate_and_edits_the_rate_card(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (instagram, _) = await SeedAsync(host);
        using var owner = await host.Factory.CreateSignedInClientAsync();
        var page = $"/accounts/instagram/{instagram.Handle}";

        var html = await HtmlAsync(await owner.GetAsync(page));
        var estimate = PriceEstimator.Default.Estimate("instagram_post", 24_000, 3.1)!;
        Assert.Contains($"${estimate.Estimate:N0}", html);
        Assert.Contains($"${estimate.Low:N0}–${estimate.High:N0}", html);
        Assert.Contains("for an engagement rate of 3.10%", html);
        Assert.Contains("href=\"/discover/how#price-estimates\"", html);
        Assert.Contains("Instagram story", html);
        Assert.Contains($"href=\"/discover?similar=instagram/{instagram.Handle}\"", html);

        html = await HtmlAsync(await Forms.SubmitAsync(owner, page, "set-rate", new() { ["RateDeliverable"] = "instagram_reel", ["RatePrice"] = "410", ["RateNote"] = "two reels a month" }));
        Assert.Contains("Your Instagram reel rate is $410.", html);
        Assert.Contains("two reels a month", html);
        html = await HtmlAsync(await Forms.SubmitAsync(owner, page, "set-rate", new() { ["RateDeliverable"] = "instagram_post", ["RatePrice"] = "lots" }));
        Assert.Contains("'lots' is not a price in US dollars", html);
        html = await HtmlAsync(await Forms.SubmitAsync(owner, page, "set-rate", new() { ["RateDeliverable"] = "instagram_post", ["RatePrice"] = "199.99" }));
        Assert.Contains("$199.99", html);

        html = await HtmlAsync(await owner.GetAsync($"{page}?delete-rate=instagram_reel"));
        Assert.Contains("Delete the Instagram reel rate of $410?", html);
        var deleted = await Forms.SubmitAsync(owner, $"{page}?delete-rate=instagram_reel", "delete-rate", new() { ["DeleteDeliverable"] = "instagram_reel" });
        Assert.Equal($"{page}?rate-deleted=instagram_reel", Location(deleted));
        html = await HtmlAsync(await owner.GetAsync($"{page}?rate-deleted=instagram_reel"));
        Assert.Contains("Your Instagram reel rate is deleted.", html);
        Assert.DoesNotContain("two reels a month", html);

        await using var db = host.Database.CreateContext();
        Assert.Equal(199.99m, (await db.RateCards.IgnoreQueryFilters().SingleAsync()).PriceUsd);
    }

    [Theory, BothProviders]
    public async Task Viewers_see_the_rate_card_without_the_form(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (instagram, _) = await SeedAsync(host);
        var owner = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Olga Brand");
        var viewer = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(workspace, viewer, WorkspaceRole.Viewer);
        await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, s => s.GetRequiredService<RateCardService>().SetAsync(instagram.Id, "instagram_post", 321, "Olga's quote", default));
        using var client = await host.Factory.SignInAsync("vic@example.com");

        var html = await HtmlAsync(await client.GetAsync($"/accounts/instagram/{instagram.Handle}?delete-rate=instagram_post"));
        Assert.Contains("Olga's quote", html);
        Assert.Contains("$321", html);
        Assert.DoesNotContain("RatePrice", html);
        Assert.DoesNotContain("Delete rate", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await Forms.PostAsync(client, $"/accounts/instagram/{instagram.Handle}", "set-rate",
            new() { ["RateDeliverable"] = "instagram_post", ["RatePrice"] = "1" }, Forms.Token(html))).StatusCode);
    }

    /// <summary>An Instagram account with followers and an ER (so, estimates) and a TikTok account whose followers are unknown.</summary>
    private static async Task<(Account Instagram, Account TikTok)> SeedAsync(AuthTestHost host)
    {
        await using var db = host.Database.CreateContext();
        var instagram = new Account { Creator = new Creator { DisplayName = "Ida" }, Platform = Platform.Instagram, Handle = "ida.eats", Followers = 24_000, Tier = "micro", UpdatedAt = CatalogueTestData.AsOf };
        var tiktok = new Account { Creator = new Creator { DisplayName = "Tom" }, Platform = Platform.TikTok, Handle = "tom.tok", Followers = null, UpdatedAt = CatalogueTestData.AsOf };
        db.Accounts.AddRange(instagram, tiktok);
        await db.SaveChangesAsync();
        db.AccountMetrics.Add(new AccountMetric
        {
            AccountId = instagram.Id,
            Name = MetricDefinitions.ErByFollowers.Name,
            Value = 3.1,
            Formula = MetricDefinitions.ErByFollowers.Formula,
            N = 12,
            ComputedAt = CatalogueTestData.AsOf,
        });
        await db.SaveChangesAsync();
        return (instagram, tiktok);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(body);
        var messages = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(messages, m => m.Contains(says, StringComparison.Ordinal));
    }
}
