using System.Net;
using Grapevine.Core.Data;
using Grapevine.Core.Lists;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>A Viewer's pages do not ask them to do what their role cannot, and a write form they still post is refused in words.</summary>
public class ViewerPagesTests
{
    [Theory, BothProviders]
    public async Task A_viewer_reads_what_to_expect_and_a_refused_form_post_says_why(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var db = host.Database.CreateContext())
            await CatalogueTestData.SeedDetailedAsync(db);
        var owner = await host.Factory.CreateUserAsync("owner@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(owner, "Test Brand");
        var vera = await host.Factory.CreateUserAsync("vera@example.com");
        await host.Factory.AddMemberAsync(workspace, vera, WorkspaceRole.Viewer);
        using var viewer = await host.Factory.SignInAsync("vera@example.com");

        var lists = await HtmlAsync(await viewer.GetAsync("/lists"));
        Assert.Contains("Viewers read lists; members and above create them. Your role here is Viewer.", lists);
        Assert.DoesNotContain("Create one above", lists);
        Assert.DoesNotContain("Add accounts from the", lists);
        var listId = await host.Factory.AsMemberAsync(workspace, owner, WorkspaceRole.Owner, async services =>
            (await services.GetRequiredService<ListService>().CreateAsync("Spring", default)).Id);
        var list = await HtmlAsync(await viewer.GetAsync($"/lists/{listId}"));
        Assert.Contains("Viewers read lists; members and above add accounts to them.", list);
        Assert.DoesNotContain("Tick accounts", list);
        var campaigns = await HtmlAsync(await viewer.GetAsync("/campaigns"));
        Assert.Contains("Viewers read campaigns; members and above set them up.", campaigns);
        Assert.DoesNotContain("Press New campaign", campaigns);

        // A write form the page did not render for a Viewer (a tab opened before a demotion, or a hand-made post).
        var token = Forms.Token(lists);
        var newList = await Forms.PostAsync(viewer, "/lists", "new-list", new() { ["Name"] = "Mine" }, token);
        var refused = await HtmlAsync(newList, HttpStatusCode.Forbidden);
        Assert.Contains("Your role in this workspace (Viewer) can read it but not change it, so nothing was saved.", refused);
        Assert.Contains("<a href=\"/lists\">Back to the page</a>", refused);
        Assert.DoesNotContain("Cannot submit the form", refused);
        var note = await Forms.PostAsync(viewer, "/accounts/instagram/mara.moves", "add-note", new() { ["NoteText"] = "hi" }, token);
        Assert.Contains("can read it but not change it", await HtmlAsync(note, HttpStatusCode.Forbidden));
        await using (var db = host.Database.CreateContext())
        {
            Assert.Equal(1, await db.CreatorLists.IgnoreQueryFilters().CountAsync());
            Assert.Equal(0, await db.AccountNotes.IgnoreQueryFilters().CountAsync());
        }

        // A member whose form has gone from the page (nothing to remove here) hears that, not a plain-text 400.
        using var member = await host.Factory.SignInAsync("owner@example.com");
        var ownerToken = Forms.Token(await member.GetStringAsync("/lists"));
        var gone = await Forms.PostAsync(member, $"/lists/{listId}", "remove-account", new() { ["RemoveAccountId"] = "1" }, ownerToken);
        var goneText = await HtmlAsync(gone, HttpStatusCode.BadRequest);
        Assert.Contains("That form is no longer on the page", goneText);
        Assert.DoesNotContain("Cannot submit the form", goneText);
    }
}
