using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

public class WorkspacesApiTests
{
    [Theory, BothProviders]
    public async Task Workspaces_members_invitations_and_roles_through_the_api(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var alpha = await host.Factory.CreateWorkspaceAsync(olga, "Alpha");
        var beta = await host.Factory.CreateWorkspaceAsync(olga, "Beta");
        var ada = await host.Factory.CreateUserAsync("ada@example.com");
        await host.Factory.AddMemberAsync(alpha, ada, WorkspaceRole.Admin);
        using var owner = await host.Factory.SignInAsync("olga@example.com");

        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/v1/workspaces");
        Assert.Equal(["Alpha", "Beta"], mine.EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Single(mine.EnumerateArray(), w => w.GetProperty("current").GetBoolean());

        // Switching is a form post; the API then acts in the chosen workspace.
        var token = Forms.Token(await owner.GetStringAsync("/members"));
        Assert.Equal("/", (await Forms.PostAsync(owner, "/workspaces/switch", null, new() { ["workspaceId"] = alpha.ToString() }, token)).Headers.Location!.OriginalString);
        Assert.Equal(2, (await owner.GetFromJsonAsync<JsonElement>("/api/v1/members")).GetArrayLength());
        // A workspace the person is not in: back to the current one with a message, not an error page.
        var refusedSwitch = await Forms.PostAsync(owner, "/workspaces/switch", null, new() { ["workspaceId"] = Guid.NewGuid().ToString() }, token);
        Assert.Equal("/workspace?done=switch-refused", Location(refusedSwitch));
        Assert.Contains("You are not a member of that workspace (any more), so you stay in this one.", await HtmlAsync(await owner.GetAsync("/workspace?done=switch-refused")));

        using var script = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(beta, olga, ApiKeyScope.Read));
        var keyView = await script.GetFromJsonAsync<JsonElement>("/api/v1/workspaces");
        Assert.Equal("Beta", Assert.Single(keyView.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("viewer", keyView[0].GetProperty("role").GetString());

        var invitation = await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "new@example.com", role = "member" });
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        var body = await invitation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("http://localhost:5080/invitations/accept?token=", body.GetProperty("link").GetString());
        Assert.Equal("member", body.GetProperty("role").GetString());

        await AssertFieldErrorAsync(await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "not an address", role = "member" }), "email", "is not an email address");
        await AssertFieldErrorAsync(await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "x@example.com", role = "boss" }), "role", "viewer, member, admin or owner");
        await AssertFieldErrorAsync(await owner.PatchAsJsonAsync($"/api/v1/members/{ada.Id}", new { role = "" }), "role", "is not a role");

        var demoted = await owner.PatchAsJsonAsync($"/api/v1/members/{ada.Id}", new { role = "viewer" });
        Assert.Equal("viewer", (await demoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());

        var lastOwner = await owner.PatchAsJsonAsync($"/api/v1/members/{olga.Id}", new { role = "admin" });
        Assert.Equal(HttpStatusCode.Conflict, lastOwner.StatusCode);
        Assert.Contains("at least one owner", await lastOwner.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/v1/members/{Guid.NewGuid()}")).StatusCode);

        await owner.PatchAsJsonAsync($"/api/v1/members/{ada.Id}", new { role = "admin" });
        using var admin = await host.Factory.SignInAsync("ada@example.com");
        // A key acts for the member who made it, and stops when they leave.
        using var adasKey = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(alpha, ada));
        Assert.Equal(HttpStatusCode.Created, (await adasKey.PostAsJsonAsync("/api/v1/lists", new { name = "Ada's list" })).StatusCode);
        var touchOwner = await admin.DeleteAsync($"/api/v1/members/{olga.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, touchOwner.StatusCode);
        Assert.Contains("needs Owner", await touchOwner.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/members/{ada.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await adasKey.GetAsync("/api/v1/lists")).StatusCode);
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        var messages = problem.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(messages, m => m.Contains(says, StringComparison.Ordinal));
    }
}
