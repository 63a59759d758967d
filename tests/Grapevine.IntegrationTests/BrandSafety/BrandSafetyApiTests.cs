using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Data;
using Grapevine.IntegrationTests.Auth;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;

namespace Grapevine.IntegrationTests.BrandSafety;

/// <summary>The brand-safety lists over /api/v1/brand-safety: answers, problem details naming the field, and one workspace not seeing another's.</summary>
public class BrandSafetyApiTests
{
    [Theory, BothProviders]
    public async Task Lists_are_read_and_edited_through_the_api(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        using var api = await host.Factory.CreateApiClientAsync();

        var lists = await api.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety");
        Assert.True(lists.GetProperty("isDefault").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lists.GetProperty("editedAt").ValueKind);
        Assert.Equal(BrandSafetyLexicon.Default.Categories.Count, lists.GetProperty("categories").GetArrayLength());
        Assert.Contains("#beer", Keywords(await api.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety/categories/alcohol")));

        var created = await api.PostAsJsonAsync("/api/v1/brand-safety/categories", new { name = " Rival  Brands ", keywords = new[] { "Rival Cola", "#RivalCola", "rival cola" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/brand-safety/categories/rival%20brands", created.Headers.Location!.OriginalString);
        var category = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rival brands", category.GetProperty("name").GetString());
        Assert.Equal(["#rivalcola", "rival cola"], Keywords(category));
        Assert.Equal(["#rivalcola", "rival cola"], Keywords(await api.GetFromJsonAsync<JsonElement>(created.Headers.Location.OriginalString)));

        var edited = await api.PatchAsJsonAsync("/api/v1/brand-safety/categories/ALCOHOL", new { name = "Drinks", add = new[] { "Prosecco" }, remove = new[] { "gin" } });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var drinks = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("drinks", drinks.GetProperty("name").GetString());
        Assert.Contains("prosecco", Keywords(drinks));
        Assert.DoesNotContain("gin", Keywords(drinks));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/brand-safety/categories/alcohol")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/brand-safety/categories/gambling")).StatusCode);
        await AssertProblemAsync(await api.DeleteAsync("/api/v1/brand-safety/categories/gambling"), HttpStatusCode.NotFound, "no brand-safety category 'gambling'");

        lists = await api.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety");
        Assert.False(lists.GetProperty("isDefault").GetBoolean());
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, lists.GetProperty("editedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(["adult", "drinks", "drugs", "politics", "profanity", "rival brands", "violence"],
            lists.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

        var reset = await api.PostAsync("/api/v1/brand-safety/reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.True((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDefault").GetBoolean());
        Assert.Contains("gin", Keywords(await api.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety/categories/alcohol")));

        // The test clock stands still, so the entries share one instant: compare them as a set.
        var audit = (await host.AuditAsync()).Select(e => e.Action).Where(a => a.StartsWith("brand_safety", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        string[] expected =
        [
            BrandSafetyService.AuditActions.CategoryCreated, BrandSafetyService.AuditActions.CategoryRenamed, BrandSafetyService.AuditActions.KeywordsChanged,
            BrandSafetyService.AuditActions.CategoryDeleted, BrandSafetyService.AuditActions.Reset,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), audit);
    }

    [Theory, BothProviders]
    public async Task Bad_input_gets_problem_details_naming_the_field(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        using var api = await host.Factory.CreateApiClientAsync();

        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/brand-safety/categories", new { name = "" }), "name", "1 to 50 letters");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/brand-safety/categories", new { }), "name", "1 to 50 letters");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/brand-safety/categories", new { name = "alcohol" }), "name", "There is a category 'alcohol' already");
        await AssertFieldErrorAsync(await api.PostAsJsonAsync("/api/v1/brand-safety/categories", new { name = "ok", keywords = new[] { "fine", " " } }), "keywords[1]", "A keyword cannot be empty");
        var patch = "/api/v1/brand-safety/categories/alcohol";
        await AssertFieldErrorAsync(await api.PatchAsJsonAsync(patch, new { add = new[] { "#happy hour" } }), "add[0]", "'#happy hour' is not a hashtag");
        await AssertFieldErrorAsync(await api.PatchAsJsonAsync(patch, new { add = new[] { new string('w', 101) } }), "add[0]", "at most 100 characters");
        await AssertFieldErrorAsync(await api.PatchAsJsonAsync(patch, new { remove = new[] { "beer", "" } }), "remove[1]", "A keyword cannot be empty");
        await AssertFieldErrorAsync(await api.PatchAsJsonAsync(patch, new { name = "gambling" }), "name", "There is a category 'gambling' already");
        await AssertProblemAsync(await api.PatchAsJsonAsync("/api/v1/brand-safety/categories/nothing-here", new { add = new[] { "x" } }), HttpStatusCode.NotFound, "no brand-safety category 'nothing-here'");

        // Nothing refused was written: the workspace still uses the defaults.
        Assert.True((await api.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety")).GetProperty("isDefault").GetBoolean());
    }

    [Theory, BothProviders]
    public async Task One_workspace_neither_sees_nor_changes_another_workspaces_lists(DatabaseProvider provider)
    {
        await using var host = await AuthTestHost.StartAsync(provider);
        using var a = await host.Factory.CreateApiClientAsync("a@a-brand.test");
        using var b = await host.Factory.CreateApiClientAsync("b@b-agency.test");

        Assert.Equal(HttpStatusCode.Created, (await b.PostAsJsonAsync("/api/v1/brand-safety/categories", new { name = "b-only", keywords = new[] { "bword" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.PatchAsJsonAsync("/api/v1/brand-safety/categories/alcohol", new { add = new[] { "b-prosecco" } })).StatusCode);

        var seenByA = await a.GetStringAsync("/api/v1/brand-safety");
        Assert.Contains("\"isDefault\":true", seenByA);
        Assert.DoesNotContain("b-only", seenByA);
        Assert.DoesNotContain("b-prosecco", seenByA);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/api/v1/brand-safety/categories/b-only")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PatchAsJsonAsync("/api/v1/brand-safety/categories/b-only", new { add = new[] { "x" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.DeleteAsync("/api/v1/brand-safety/categories/b-only")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsync("/api/v1/brand-safety/reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync("/api/v1/brand-safety/categories/alcohol")).StatusCode);

        var seenByB = await b.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety");
        Assert.False(seenByB.GetProperty("isDefault").GetBoolean());
        Assert.Equal(["bword"], Keywords(await b.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety/categories/b-only")));
        Assert.Contains("b-prosecco", Keywords(await b.GetFromJsonAsync<JsonElement>("/api/v1/brand-safety/categories/alcohol")));
    }

    private static List<string> Keywords(JsonElement category) => [.. category.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!)];

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var messages = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(messages, m => m.Contains(says, StringComparison.Ordinal));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.Contains(says, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
