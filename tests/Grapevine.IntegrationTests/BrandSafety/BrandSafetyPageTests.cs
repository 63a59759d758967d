using System.Net;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.BrandSafety;

/// <summary>The Brand safety page over HTTP, submitting its server-rendered forms the way a browser does.</summary>
public class BrandSafetyPageTests
{
    [Theory, BothProviders]
    public async Task A_member_edits_the_lists_on_the_page(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync();
        const string page = "/brand-safety";

        var html = await HtmlAsync(await owner.GetAsync(page));
        Assert.Contains("<h1>Brand safety</h1>", html);
        Assert.Contains("The vetting report of an account checks the captions", html);
        Assert.Contains("These are Grapevine's default lists", html);
        Assert.Contains("href=\"/brand-safety\" aria-current=\"page\">Brand safety</a>", html);
        Assert.Contains("#beer", html);
        Assert.DoesNotContain("Reset to defaults…", html);

        var added = await HtmlAsync(await Forms.SubmitAsync(owner, page, "add-keyword:alcohol", new() { ["NewKeywords"] = "Prosecco, #Aperitivo, beer" }));
        Assert.Contains("Added 2 to “alcohol”", added);
        Assert.Contains("#aperitivo", added);
        Assert.Contains("This workspace's own lists, last changed 23 Nov 2026", added);

        var refused = await HtmlAsync(await Forms.SubmitAsync(owner, page, "add-keyword:alcohol", new() { ["NewKeywords"] = "#happy hour" }));
        Assert.Contains("role=\"alert\">'#happy hour' is not a hashtag", refused);

        // A page loaded before another member deleted the category: its add form answers with the page and a message,
        // not the framework's plain-text 400 for a form that is no longer there.
        var stale = await Forms.SubmitAsync(owner, page, "add-keyword:gone-category", new() { ["NewKeywords"] = "x1" });
        Assert.Contains("role=\"alert\">The category “gone-category” no longer exists (another member may have deleted it), so nothing was added.",
            await HtmlAsync(stale));

        Assert.Contains("href=\"/brand-safety?removeKeyword=beer&from=alcohol\"", await HtmlAsync(await owner.GetAsync(page)));
        Assert.Contains("Remove “beer” from “alcohol”?", await HtmlAsync(await owner.GetAsync($"{page}?removeKeyword=beer&from=alcohol")));
        Assert.Contains("“beer” is removed from “alcohol”",
            await HtmlAsync(await Forms.SubmitAsync(owner, $"{page}?removeKeyword=beer&from=alcohol", "remove-keyword", new() { ["RemoveFrom"] = "alcohol", ["RemoveKeyword"] = "beer" })));
        Assert.Contains("The category “competitors” is added.",
            await HtmlAsync(await Forms.SubmitAsync(owner, page, "new-category", new() { ["NewCategoryName"] = "Competitors", ["NewCategoryKeywords"] = "rival cola, #rivalcola" })));
        Assert.Contains("There is a category 'competitors' already",
            await HtmlAsync(await Forms.SubmitAsync(owner, page, "new-category", new() { ["NewCategoryName"] = "competitors" })));

        await using var db = host.Database.CreateContext();
        var keywords = await db.BrandSafetyKeywords.IgnoreQueryFilters().Select(k => k.Keyword).ToListAsync();
        Assert.Contains("prosecco", keywords);
        Assert.Contains("rival cola", keywords);
        Assert.DoesNotContain("beer", keywords);

        // Deleting and resetting each ask once more first.
        Assert.Contains("Delete the category “competitors”?", await HtmlAsync(await owner.GetAsync($"{page}?delete=competitors")));
        Assert.Equal("/brand-safety?deleted=1", Location(await Forms.SubmitAsync(owner, $"{page}?delete=competitors", "delete-category", new() { ["DeleteName"] = "competitors" })));
        Assert.Contains("The category is deleted, with its keywords.", await HtmlAsync(await owner.GetAsync("/brand-safety?deleted=1")));
        // A crafted link cannot put its own words in the notice.
        var crafted = await HtmlAsync(await owner.GetAsync("/brand-safety?deleted=Sign%20in%20again%20at%20evil.example"));
        Assert.DoesNotContain("Sign in again at evil.example", crafted);
        Assert.DoesNotContain("is deleted", crafted);
        Assert.False(await db.BrandSafetyCategories.IgnoreQueryFilters().AnyAsync(c => c.Name == "competitors"));

        Assert.Contains("Go back to the default lists?", await HtmlAsync(await owner.GetAsync($"{page}?reset=1")));
        Assert.Equal("/brand-safety?restored=1", Location(await Forms.SubmitAsync(owner, $"{page}?reset=1", "reset-lists", [])));
        Assert.Contains("These are Grapevine's default lists", await HtmlAsync(await owner.GetAsync(page)));
        Assert.Equal(0, await db.BrandSafetyCategories.IgnoreQueryFilters().CountAsync());
    }

    [Theory, BothProviders]
    public async Task Viewers_see_the_lists_without_forms_to_change_them(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var owner = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Olga Brand");
        var viewer = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(workspace, viewer, WorkspaceRole.Viewer);
        using var client = await host.Factory.SignInAsync("vic@example.com");

        var html = await HtmlAsync(await client.GetAsync("/brand-safety"));
        Assert.Contains("#beer", html);
        Assert.DoesNotContain("NewKeywords", html);
        Assert.DoesNotContain("RemoveKeyword", html);
        Assert.DoesNotContain("NewCategoryName", html);
        Assert.DoesNotContain("Delete category…", html);
        Assert.DoesNotContain("Delete the category", await HtmlAsync(await client.GetAsync("/brand-safety?delete=alcohol")));
        // Forms that are not offered are refused too, in words (ViewerPagesTests).
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Forms.PostAsync(client, "/brand-safety", "add-keyword:alcohol", new() { ["NewKeywords"] = "mine" }, Forms.Token(html))).StatusCode);
        await using var db = host.Database.CreateContext();
        Assert.Equal(0, await db.BrandSafetySettings.IgnoreQueryFilters().CountAsync());
    }
}
