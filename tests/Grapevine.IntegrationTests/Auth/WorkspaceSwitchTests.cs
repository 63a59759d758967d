using System.Net;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Grapevine.Web.Auth;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>Switching workspace returns to the page the person was on, when that page exists in the new workspace.</summary>
public class WorkspaceSwitchTests
{
    [Theory]
    [InlineData("/members", "/members")]
    [InlineData("/accounts/instagram/mara.moves?done=tag-added&tag=vegan", "/accounts/instagram/mara.moves")]
    [InlineData("/?platform=instagram&tag=vegan&left=Old", "/?platform=instagram")]
    [InlineData("/discover?q=vegan+recipes&tier=micro&tier=nano", "/discover?q=vegan%20recipes&tier=micro&tier=nano")]
    [InlineData("/lists/0193a4f2-0000-7000-8000-000000000001?remove=5", "/lists")]
    [InlineData("/campaigns/0193a4f2-0000-7000-8000-000000000001/plan", "/campaigns")]
    [InlineData("/campaigns/new", "/campaigns/new")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void The_return_page_means_the_same_in_the_new_workspace(string? from, string expected) =>
        Assert.Equal(expected, SwitchReturnUrl.For(from, WorkspaceRole.Owner));

    [Theory]
    [InlineData("/audit?action=member_invited", WorkspaceRole.Viewer, "/")]
    [InlineData("/audit", WorkspaceRole.Member, "/")]
    [InlineData("/audit", WorkspaceRole.Admin, "/audit")]
    [InlineData("/api-keys", WorkspaceRole.Member, "/")]
    [InlineData("/api-keys/", WorkspaceRole.Admin, "/api-keys/")]
    [InlineData("/import", WorkspaceRole.Viewer, "/")]
    [InlineData("/import", WorkspaceRole.Member, "/import")]
    [InlineData("/campaigns/new", WorkspaceRole.Viewer, "/")]
    [InlineData("/workspace", WorkspaceRole.Viewer, "/workspace")]
    public void A_page_the_new_role_may_not_use_falls_back_to_home(string from, WorkspaceRole role, string expected) =>
        Assert.Equal(expected, SwitchReturnUrl.For(from, role));

    [Theory, BothProviders]
    public async Task Switching_from_a_list_lands_on_the_lists_of_the_new_workspace(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var alpha = await host.Factory.CreateWorkspaceAsync(olga, "Alpha");
        await host.Factory.CreateWorkspaceAsync(olga, "Beta");
        using var client = await host.Factory.SignInAsync("olga@example.com");

        var members = await HtmlAsync(await client.GetAsync("/members?done=x"));
        Assert.Contains("<input type=\"hidden\" name=\"returnUrl\" value=\"/members?done=x\" />", members);
        var token = Forms.Token(members);
        var fromMembers = await Forms.PostAsync(client, "/workspaces/switch", null, new() { ["workspaceId"] = alpha.ToString(), ["returnUrl"] = "/members?done=x" }, token);
        Assert.Equal("/members", Location(fromMembers));

        var listUrl = $"/lists/{Guid.CreateVersion7()}";
        // A list of another workspace is "not found", rendered at /not-found: the switch still starts from the list's address.
        var notFound = await client.GetAsync(listUrl + "?x=1");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains($"<input type=\"hidden\" name=\"returnUrl\" value=\"{listUrl}?x=1\" />", await notFound.Content.ReadAsStringAsync());
        var fromList = await Forms.PostAsync(client, "/workspaces/switch", null, new() { ["workspaceId"] = alpha.ToString(), ["returnUrl"] = listUrl }, token);
        Assert.Equal("/lists", Location(fromList));
        var outside = await Forms.PostAsync(client, "/workspaces/switch", null, new() { ["workspaceId"] = alpha.ToString(), ["returnUrl"] = "https://evil.example/" }, token);
        Assert.Equal("/", Location(outside));
    }

    [Theory, BothProviders]
    public async Task Switching_from_the_audit_log_into_a_workspace_where_one_is_a_viewer_lands_on_its_home(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var own = await host.Factory.CreateWorkspaceAsync(olga, "Olga Brand");
        var vic = await host.Factory.CreateUserAsync("vic@example.com");
        var agency = await host.Factory.CreateWorkspaceAsync(vic, "Agency");
        await host.Factory.AddMemberAsync(agency, olga, WorkspaceRole.Viewer);
        using var client = await host.Factory.SignInAsync("olga@example.com");
        var home = await HtmlAsync(await client.GetAsync("/"));
        await Forms.PostAsync(client, "/workspaces/switch", null, new() { ["workspaceId"] = own.ToString() }, Forms.Token(home));

        var audit = await HtmlAsync(await client.GetAsync("/audit"));
        Assert.Contains("<input type=\"hidden\" name=\"returnUrl\" value=\"/audit\" />", audit);
        var switched = await Forms.PostAsync(client, "/workspaces/switch", null, new() { ["workspaceId"] = agency.ToString(), ["returnUrl"] = "/audit" }, Forms.Token(audit));
        Assert.Equal("/", Location(switched));
        Assert.DoesNotContain("Only Admins and Owners", await HtmlAsync(await client.GetAsync(Location(switched))));
    }
}
