using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>Renaming and leaving a workspace, on its settings page and through the API.</summary>
public class WorkspaceSettingsTests
{
    [Theory, BothProviders]
    public async Task An_owner_renames_the_workspace_and_a_member_leaves_it_after_a_confirmation(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var alpha = await host.Factory.CreateWorkspaceAsync(olga, "Alpha");
        var vic = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(alpha, vic, WorkspaceRole.Viewer);
        using var owner = await host.Factory.SignInAsync("olga@example.com");
        using var viewer = await host.Factory.SignInAsync("vic@example.com");

        var page = await HtmlAsync(await owner.GetAsync("/workspace"));
        Assert.Contains("Alpha: created 23 Nov 2026; 2 members, 1 owner. You are Owner.", page);
        Assert.Contains("You are its last owner: make another member owner", page);

        // A bad name is refused next to the field and nothing changes.
        var tooLong = await HtmlAsync(await Forms.SubmitAsync(owner, "/workspace", "rename-workspace", new() { ["NewName"] = new string('x', 201) }));
        Assert.Contains("at most 200 characters; this one has 201", tooLong);
        Assert.Equal("Alpha", (await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace")).GetProperty("name").GetString());

        // A Viewer's stale or forged rename is refused on the page.
        Assert.Contains("needs Owner", await HtmlAsync(await Forms.SubmitAsync(viewer, "/workspace", "rename-workspace", new() { ["NewName"] = "Mine" }, "/workspace")));

        var renamed = await Forms.SubmitAsync(owner, "/workspace", "rename-workspace", new() { ["NewName"] = "  Alpha Skincare  " });
        Assert.Equal("/workspace?done=renamed", Location(renamed));
        var after = await HtmlAsync(await owner.GetAsync("/workspace?done=renamed"));
        Assert.Contains("Workspace renamed.", after);
        Assert.Contains("<span class=\"workspace-name\" title=\"Your workspace\">Alpha Skincare</span>", after);

        // A Viewer sees the name but no rename form, and may leave: the page asks first.
        var viewerPage = await HtmlAsync(await viewer.GetAsync("/workspace"));
        Assert.Contains("Only an Owner renames the workspace.", viewerPage);
        Assert.DoesNotContain("id=\"workspace-name\"", viewerPage);
        Assert.DoesNotContain("leave-workspace", viewerPage);
        var confirm = await HtmlAsync(await viewer.GetAsync("/workspace?leave=true"));
        Assert.Contains("Leave Alpha Skincare?", confirm);
        Assert.Single(await host.MembershipsAsync(vic.Id));
        var left = await Forms.SubmitAsync(viewer, "/workspace?leave=true", "leave-workspace", []);
        Assert.Equal("/?left=1", Location(left));
        Assert.Empty(await host.MembershipsAsync(vic.Id));
        var home = await HtmlAsync(await viewer.GetAsync("/?left=1"));
        Assert.Contains("You left “Alpha Skincare”.", home);
        Assert.Contains("You are not in a workspace yet", home);
        // The name comes from a cookie the server set, once: a reload, or a crafted link, names nothing.
        Assert.DoesNotContain("You left", await HtmlAsync(await viewer.GetAsync("/?left=1")));
        Assert.DoesNotContain("You left", await HtmlAsync(await viewer.GetAsync("/?left=Call%20us%20now")));

        // The last owner cannot leave, and is told what to do instead.
        var refused = await HtmlAsync(await Forms.SubmitAsync(owner, "/workspace?leave=true", "leave-workspace", []));
        Assert.Contains("You are its only member and owner", refused);
        Assert.Single(await host.MembershipsAsync(olga.Id));

        var audit = (await host.AuditAsync()).Select(e => (e.Action, e.Target, e.Detail, e.ActorName)).ToList();
        Assert.Contains((AuditLog.Actions.WorkspaceRenamed, "Alpha Skincare", "was Alpha", "olga@example.com"), audit);
        Assert.Contains((AuditLog.Actions.MemberLeft, "vic@example.com", "role Viewer", "vic@example.com"), audit);
    }

    [Theory, BothProviders]
    public async Task The_api_reads_renames_and_leaves_the_current_workspace(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var alpha = await host.Factory.CreateWorkspaceAsync(olga, "Alpha");
        var ada = await host.Factory.CreateUserAsync("ada@example.com");
        await host.Factory.AddMemberAsync(alpha, ada, WorkspaceRole.Owner);
        using var owner = await host.Factory.SignInAsync("olga@example.com");
        using var adaClient = await host.Factory.SignInAsync("ada@example.com");
        using var key = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(alpha, olga));

        var current = await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace");
        Assert.Equal(("Alpha", "alpha", "owner", 2, 2), (current.GetProperty("name").GetString(), current.GetProperty("slug").GetString(),
            current.GetProperty("role").GetString(), current.GetProperty("members").GetInt32(), current.GetProperty("owners").GetInt32()));

        var blank = await owner.PatchAsJsonAsync("/api/v1/workspace", new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("A workspace needs a name.", (await blank.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString());
        var renamed = await owner.PatchAsJsonAsync("/api/v1/workspace", new { name = "Alpha Beauty" });
        var body = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Alpha Beauty", "alpha"), (body.GetProperty("name").GetString(), body.GetProperty("slug").GetString()));

        // A key acts at most as a Member: it neither renames nor leaves.
        Assert.Equal(HttpStatusCode.Forbidden, (await key.PatchAsJsonAsync("/api/v1/workspace", new { name = "Key's" })).StatusCode);
        var keyLeaves = await key.DeleteAsync("/api/v1/workspace/membership");
        Assert.Equal(HttpStatusCode.Conflict, keyLeaves.StatusCode);
        Assert.Contains("An API key cannot leave", await keyLeaves.Content.ReadAsStringAsync());

        // With two owners one may leave; then the other is the last and may not.
        Assert.Equal(HttpStatusCode.NoContent, (await adaClient.DeleteAsync("/api/v1/workspace/membership")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await adaClient.GetAsync("/api/v1/workspace")).StatusCode);
        var last = await owner.DeleteAsync("/api/v1/workspace/membership");
        Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
        Assert.Contains("only member and owner", await last.Content.ReadAsStringAsync());
        Assert.Equal(1, (await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspace")).GetProperty("members").GetInt32());
    }

    [Theory, BothProviders]
    public async Task One_persons_workspaces_have_names_the_switcher_can_tell_apart(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var alpha = await host.Factory.CreateWorkspaceAsync(olga, "Alpha");
        await host.Factory.CreateWorkspaceAsync(olga, "Beta");
        // Another person may use any name.
        await host.Factory.CreateWorkspaceAsync(await host.Factory.CreateUserAsync("bruno@example.com"), "Alpha");
        using var owner = await host.Factory.SignInAsync("olga@example.com");
        var token = Forms.Token(await owner.GetStringAsync("/workspace"));
        await Forms.PostAsync(owner, "/workspaces/switch", null, new() { ["workspaceId"] = alpha.ToString() }, token);

        var created = await HtmlAsync(await Forms.SubmitAsync(owner, "/workspaces/new", "new-workspace", new() { ["Name"] = " alpha " }));
        Assert.Contains("You are already in a workspace called “Alpha”", created);
        var renamed = await owner.PatchAsJsonAsync("/api/v1/workspace", new { name = "BETA" });
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains("You are already in a workspace called “Beta”", await renamed.Content.ReadAsStringAsync());
        // A new spelling of its own name is a rename.
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync("/api/v1/workspace", new { name = "ALPHA" })).StatusCode);
        Assert.Equal(["ALPHA", "Beta"], (await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspaces")).EnumerateArray()
            .Select(w => w.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }
}
