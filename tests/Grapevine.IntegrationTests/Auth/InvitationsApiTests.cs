using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

public class InvitationsApiTests
{
    [Theory, BothProviders]
    public async Task An_admin_lists_pending_invitations_and_revokes_one_whose_link_is_then_refused(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var alpha = await host.Factory.CreateWorkspaceAsync(olga, "Alpha");
        var ada = await host.Factory.CreateUserAsync("ada@example.com");
        await host.Factory.AddMemberAsync(alpha, ada, WorkspaceRole.Admin);
        var mel = await host.Factory.CreateUserAsync("mel@example.com");
        await host.Factory.AddMemberAsync(alpha, mel, WorkspaceRole.Member);
        using var admin = await host.Factory.SignInAsync("ada@example.com");

        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/invitations")).EnumerateArray());

        var sam = await (await admin.PostAsJsonAsync("/api/v1/invitations", new { email = "sam@example.com", role = "member" })).Content.ReadFromJsonAsync<JsonElement>();
        host.Time.Advance(TimeSpan.FromHours(1));
        var tia = await (await admin.PostAsJsonAsync("/api/v1/invitations", new { email = "tia@example.com", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>();
        host.Time.Advance(TimeSpan.FromHours(1));
        var old = await (await admin.PostAsJsonAsync("/api/v1/invitations", new { email = "old@example.com", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>();
        var ownerInvite = await host.Factory.AsMemberAsync(alpha, olga, WorkspaceRole.Owner, async s =>
            (await s.GetRequiredService<WorkspaceService>().InviteAsync("co-owner@example.com", WorkspaceRole.Owner, default)).Invitation.Id);

        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/v1/invitations");
        Assert.Equal(["co-owner@example.com", "old@example.com", "tia@example.com", "sam@example.com"], pending.EnumerateArray().Select(i => i.GetProperty("email").GetString()));
        var first = pending.EnumerateArray().Single(i => i.GetProperty("email").GetString() == "sam@example.com");
        Assert.Equal(sam.GetProperty("id").GetGuid(), first.GetProperty("id").GetGuid());
        Assert.Equal("member", first.GetProperty("role").GetString());
        Assert.Equal("ada@example.com", first.GetProperty("invitedBy").GetString());
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), first.GetProperty("sentAt").GetDateTime());
        Assert.Equal(new DateTime(2026, 11, 30, 9, 0, 0), first.GetProperty("expiresAt").GetDateTime());

        // Neither a Member nor a key (keys never manage members) may list or revoke.
        using var member = await host.Factory.SignInAsync("mel@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/invitations")).StatusCode);
        var refused = await member.DeleteAsync($"/api/v1/invitations/{tia.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var key = host.Factory.CreateKeyClient(await host.Factory.CreateApiKeyAsync(alpha, olga));
        Assert.Equal(HttpStatusCode.Forbidden, (await key.DeleteAsync($"/api/v1/invitations/{tia.GetProperty("id").GetGuid()}")).StatusCode);
        // An Admin cannot revoke an invitation as Owner, as they cannot make one.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.DeleteAsync($"/api/v1/invitations/{ownerInvite}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/invitations/{Guid.NewGuid()}")).StatusCode);

        // The Admin revokes Tia's: it leaves the list, its link is refused, and the audit log says who did it.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/invitations/{tia.GetProperty("id").GetGuid()}")).StatusCode);
        var again = await admin.DeleteAsync($"/api/v1/invitations/{tia.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already been revoked", await again.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/v1/invitations")).EnumerateArray(), i => i.GetProperty("email").GetString() == "tia@example.com");
        var revoked = Assert.Single(await host.AuditAsync(), e => e.Action == AuditLog.Actions.InvitationRevoked);
        Assert.Equal(("tia@example.com", "ada@example.com", alpha), (revoked.Target, revoked.ActorName, revoked.WorkspaceId));

        var tiaLink = new Uri(tia.GetProperty("link").GetString()!).PathAndQuery;
        using var anonymous = host.Factory.CreateBrowserClient();
        var page = await HtmlAsync(await anonymous.GetAsync(tiaLink));
        Assert.Contains("This invitation link has been revoked", page);
        Assert.DoesNotContain("Sign in to join", page);
        var signUp = await HtmlAsync(await anonymous.GetAsync("/account/sign-up?invitation=" + tiaLink[(tiaLink.IndexOf('=') + 1)..]));
        Assert.Contains("This invitation link has been revoked", signUp);
        var tiaUser = await host.Factory.CreateUserAsync("tia@example.com");
        var refusedJoin = await Assert.ThrowsAsync<WorkspaceRuleException>(() => host.Factory.AsMemberAsync(alpha, tiaUser, WorkspaceRole.Viewer, s =>
            s.GetRequiredService<WorkspaceService>().AcceptInvitationAsync(tiaLink[(tiaLink.IndexOf('=') + 1)..], tiaUser, default)));
        Assert.Contains("revoked", refusedJoin.Message);
        Assert.Empty(await host.MembershipsAsync(tiaUser.Id));

        // Accepted and expired invitations are not pending; an accepted one cannot be revoked.
        var samUser = await host.Factory.CreateUserAsync("sam@example.com");
        var samToken = sam.GetProperty("link").GetString()![(sam.GetProperty("link").GetString()!.IndexOf('=') + 1)..];
        await host.Factory.AsMemberAsync(alpha, samUser, WorkspaceRole.Viewer, s => s.GetRequiredService<WorkspaceService>().AcceptInvitationAsync(samToken, samUser, default));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/invitations/{sam.GetProperty("id").GetGuid()}")).StatusCode);
        var left = await admin.GetFromJsonAsync<JsonElement>("/api/v1/invitations");
        Assert.Equal(["co-owner@example.com", "old@example.com"], left.EnumerateArray().Select(i => i.GetProperty("email").GetString()));
        Assert.Equal(old.GetProperty("id").GetGuid(), left[1].GetProperty("id").GetGuid());
        host.Time.Advance(WorkspaceService.InvitationLifetime);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/invitations")).EnumerateArray());
    }

    [Theory, BothProviders]
    public async Task An_invitation_with_several_bad_fields_names_each_of_them(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await host.Factory.CreateWorkspaceAsync(await host.Factory.CreateUserAsync("olga@example.com"), "Alpha");
        using var owner = await host.Factory.SignInAsync("olga@example.com");

        var response = await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "not an address", role = "boss" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal(["email", "role"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("'not an address' is not an email address", errors.GetProperty("email")[0].GetString());
        Assert.Contains("'boss' is not a role: one of viewer, member, admin or owner", errors.GetProperty("role")[0].GetString());

        var missing = await owner.PostAsJsonAsync("/api/v1/invitations", new { });
        using var missingProblem = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal(["email", "role"], missingProblem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        await using var db = host.Database.CreateContext();
        Assert.False(await db.Invitations.IgnoreQueryFilters().AnyAsync());
    }

    [Theory, BothProviders]
    public async Task A_members_address_is_refused_a_new_invitation_replaces_the_pending_one_and_keys_name_their_creator(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var alpha = await host.Factory.CreateWorkspaceAsync(olga, "Alpha");
        var mel = await host.Factory.CreateUserAsync("mel@example.com");
        await host.Factory.AddMemberAsync(alpha, mel, WorkspaceRole.Admin);
        using var owner = await host.Factory.SignInAsync("olga@example.com");

        async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            return JsonDocument.Parse(body).RootElement.GetProperty("errors");
        }

        var member = await ErrorsAsync(await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "Mel@Example.com", role = "owner" }));
        Assert.Equal(["email"], member.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("mel@example.com is already a member of this workspace (Admin)", member.GetProperty("email")[0].GetString());
        var tooLong = await ErrorsAsync(await owner.PostAsJsonAsync("/api/v1/invitations", new { email = new string('x', 300) + "@example.com", role = "viewer" }));
        Assert.Contains("at most 256 characters", tooLong.GetProperty("email")[0].GetString());

        var first = await (await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "sam@example.com", role = "member" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(first.GetProperty("replacedInvitations").EnumerateArray());
        var second = await (await owner.PostAsJsonAsync("/api/v1/invitations", new { email = "sam@example.com", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([first.GetProperty("id").GetGuid()], second.GetProperty("replacedInvitations").EnumerateArray().Select(i => i.GetGuid()));
        var pending = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/v1/invitations")).EnumerateArray());
        Assert.Equal(second.GetProperty("id").GetGuid(), pending.GetProperty("id").GetGuid());

        // Saving the role Mel already has is not a change.
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync($"/api/v1/members/{mel.Id}", new { role = "admin" })).StatusCode);
        Assert.DoesNotContain(await host.AuditAsync(), e => e.Action == AuditLog.Actions.MemberRoleChanged);

        // Keys say who made them; removing Mel revokes hers, and it stays revoked if she comes back.
        using var admin = await host.Factory.SignInAsync("mel@example.com");
        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "mel's sync", scope = "read" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mel@example.com", created.GetProperty("key").GetProperty("createdBy").GetString());
        using var melsKey = host.Factory.CreateKeyClient(created.GetProperty("secret").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await melsKey.GetAsync("/api/v1/members")).StatusCode);
        var listed = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).EnumerateArray());
        Assert.Equal(("mel's sync", "mel@example.com"), (listed.GetProperty("name").GetString(), listed.GetProperty("createdBy").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/members/{mel.Id}")).StatusCode);
        var revoked = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/v1/api-keys")).EnumerateArray());
        Assert.Equal(JsonValueKind.String, revoked.GetProperty("revokedAt").ValueKind);
        await host.Factory.AddMemberAsync(alpha, mel, WorkspaceRole.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await melsKey.GetAsync("/api/v1/members")).StatusCode);
        Assert.Contains(await host.AuditAsync(), e => e.Action == AuditLog.Actions.ApiKeyRevoked && e.Detail == "its creator was removed from the workspace" && e.ActorName == "olga@example.com");
    }
}
