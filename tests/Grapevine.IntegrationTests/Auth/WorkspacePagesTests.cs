using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Grapevine.IntegrationTests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Grapevine.IntegrationTests.Auth.AuthTestHost;

namespace Grapevine.IntegrationTests.Auth;

/// <summary>Members, API keys and the audit log through their pages, and the effect on the other person's next request.</summary>
public partial class WorkspacePagesTests
{
    [Theory, BothProviders]
    public async Task Members_are_invited_changed_and_removed_and_it_takes_effect_on_their_next_request(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync("olga@example.com");
        var carolUser = await host.Factory.CreateUserAsync("carol@example.com");

        var invited = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "carol@example.com", ["InviteRole"] = "Admin" }));
        var link = new Uri(InvitationLink().Match(invited).Groups[1].Value).PathAndQuery;
        Assert.Contains("it is not shown again", invited);
        Assert.DoesNotContain(link, await HtmlAsync(await owner.GetAsync("/members")));

        using var carol = await host.Factory.SignInAsync("carol@example.com");
        Assert.Equal("/", Location(await Forms.SubmitAsync(carol, link, "join", [])));
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync("/api/v1/api-keys")).StatusCode);
        Assert.Contains("Signed in as carol@example.com (Admin)", await HtmlAsync(await carol.GetAsync("/members")));

        // A role change applies to Carol's very next request.
        var changed = await Forms.SubmitAsync(owner, "/members", $"role-{carolUser.Id:N}", new() { ["Role"] = "Viewer" });
        Assert.Contains("carol@example.com is now Viewer", await HtmlAsync(changed));
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.GetAsync("/api/v1/api-keys")).StatusCode);
        Assert.Contains("Signed in as carol@example.com (Viewer)", await HtmlAsync(await carol.GetAsync("/members")));

        // The last owner cannot step down.
        var olga = await host.UserAsync("olga@example.com");
        var refused = await Forms.SubmitAsync(owner, "/members", $"role-{olga.Id:N}", new() { ["Role"] = "Admin" });
        Assert.Contains("keeps at least one owner", await HtmlAsync(refused));

        // Removal asks first, then applies to Carol's next request.
        var confirm = await HtmlAsync(await owner.GetAsync($"/members?remove={carolUser.Id}"));
        Assert.Contains("Remove carol@example.com?", confirm);
        Assert.Single(await host.MembershipsAsync(carolUser.Id));
        var removed = await Forms.SubmitAsync(owner, $"/members?remove={carolUser.Id}", "remove-member", new() { ["RemoveUserId"] = carolUser.Id.ToString() });
        Assert.Contains("carol@example.com is removed", await HtmlAsync(removed));
        Assert.Empty(await host.MembershipsAsync(carolUser.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await carol.GetAsync("/api/v1/members")).StatusCode);
        Assert.Contains("You are not in a workspace yet", await HtmlAsync(await carol.GetAsync("/members")));

        var audit = (await host.AuditAsync()).Where(e => e.ActorName == "olga@example.com").Select(e => (e.Action, e.Target, e.Detail)).ToList();
        Assert.Contains((AuditLog.Actions.MemberInvited, "carol@example.com", "role Admin"), audit);
        Assert.Contains((AuditLog.Actions.MemberRoleChanged, "carol@example.com", "Admin → Viewer"), audit);
        Assert.Contains((AuditLog.Actions.MemberRemoved, "carol@example.com", null), audit);
        Assert.Contains(await host.AuditAsync(), e => e.Action == AuditLog.Actions.MemberJoined && e.Target == "carol@example.com");
    }

    [Theory, BothProviders]
    public async Task Pending_invitations_are_listed_and_revoked_after_a_confirmation(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync("olga@example.com");

        Assert.Contains("No pending invitations.", await HtmlAsync(await owner.GetAsync("/members")));
        var invited = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "dora@example.com", ["InviteRole"] = "Viewer" }));
        var link = new Uri(InvitationLink().Match(invited).Groups[1].Value).PathAndQuery;
        var listed = await HtmlAsync(await owner.GetAsync("/members"));
        Assert.DoesNotContain("No pending invitations.", listed);
        Assert.Matches("<td data-label=\"Invited\"><strong>dora@example.com</strong></td>\\s*<td data-label=\"Role\">Viewer</td>\\s*<td data-label=\"Invited by\">olga@example.com</td>\\s*<td data-label=\"Sent\">23 Nov 2026</td>\\s*<td data-label=\"Expires\">30 Nov 2026</td>", listed);
        var id = await host.Factory.AsMemberAsync(await OnlyWorkspaceAsync(host), await host.UserAsync("olga@example.com"), WorkspaceRole.Owner, async s =>
            Assert.Single(await s.GetRequiredService<WorkspaceService>().PendingInvitationsAsync(default)).Id);
        Assert.Contains($"href=\"/members?revokeInvitation={id}\"", listed);

        // Revoking asks first; the form is only there on the confirmation.
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Forms.PostAsync(owner, "/members", "revoke-invitation", new() { ["RevokeInvitationId"] = id.ToString() }, Forms.Token(listed))).StatusCode);
        Assert.Contains("Revoke the invitation for dora@example.com?", await HtmlAsync(await owner.GetAsync($"/members?revokeInvitation={id}")));
        Assert.Contains("Sign in to join", await HtmlAsync(await host.Factory.CreateBrowserClient().GetAsync(link)));
        var revoked = await HtmlAsync(await Forms.SubmitAsync(owner, $"/members?revokeInvitation={id}", "revoke-invitation", new() { ["RevokeInvitationId"] = id.ToString() }));
        Assert.Contains("The invitation for dora@example.com is revoked", revoked);
        Assert.Contains("No pending invitations.", revoked);
        Assert.DoesNotContain("Revoke the invitation for", revoked);
        Assert.Contains("This invitation link has been revoked", await HtmlAsync(await host.Factory.CreateBrowserClient().GetAsync(link)));
        Assert.Contains(await host.AuditAsync(), e => e.Action == AuditLog.Actions.InvitationRevoked && e.Target == "dora@example.com" && e.ActorName == "olga@example.com");

        // A Member sees neither the table nor the confirmation.
        var mel = await host.Factory.CreateUserAsync("mel@example.com");
        await host.Factory.AddMemberAsync(await OnlyWorkspaceAsync(host), mel, WorkspaceRole.Member);
        using var member = await host.Factory.SignInAsync("mel@example.com");
        var asMember = await HtmlAsync(await member.GetAsync($"/members?revokeInvitation={id}"));
        Assert.DoesNotContain("Pending invitations", asMember);
        Assert.DoesNotContain("Revoke the invitation", asMember);
    }

    [Theory, BothProviders]
    public async Task An_invitation_with_several_bad_fields_shows_each_error_next_to_its_field(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync("olga@example.com");

        var refused = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "not an address", ["InviteRole"] = "Boss" }));
        Assert.Contains("<p class=\"field-error\" id=\"invite-email-error\">'not an address' is not an email address.</p>", refused);
        Assert.Contains("<p class=\"field-error\" id=\"invite-role-error\">'Boss' is not a role: one of Viewer, Member, Admin, Owner.</p>", refused);
        Assert.Contains("value=\"not an address\"", refused);
        Assert.DoesNotContain("Invitation link for", refused);
        await using var db = host.Database.CreateContext();
        Assert.False(await db.Invitations.IgnoreQueryFilters().AnyAsync());

        // A role alone is enough to refuse: it never falls back to Member.
        var badRole = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "ok@example.com", ["InviteRole"] = "9" }));
        Assert.Contains("id=\"invite-role-error\">'9' is not a role", badRole);
        Assert.DoesNotContain("id=\"invite-email-error\"", badRole);
        Assert.False(await db.Invitations.IgnoreQueryFilters().AnyAsync());
    }

    [Theory, BothProviders]
    public async Task A_role_or_key_scope_the_page_cannot_read_is_refused_not_replaced(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync("olga@example.com");
        var carol = await host.Factory.CreateUserAsync("carol@example.com");
        await host.Factory.AddMemberAsync(await OnlyWorkspaceAsync(host), carol, WorkspaceRole.Admin);

        var role = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", $"role-{carol.Id:N}", new() { ["Role"] = "Boss" }));
        Assert.Contains("role=\"alert\">'Boss' is not a role: one of Viewer, Member, Admin, Owner. The role is unchanged.", role);
        Assert.Equal(WorkspaceRole.Admin, Assert.Single(await host.MembershipsAsync(carol.Id)).Role);

        var key = await HtmlAsync(await Forms.SubmitAsync(owner, "/api-keys", "create-key", new() { ["KeyName"] = "sync", ["KeyScope"] = "readwrite" }));
        Assert.Contains("role=\"alert\">'readwrite' is not a scope: Read or ReadWrite. No key was created.", key);
        Assert.DoesNotContain("id=\"api-key-secret\"", key);
        await using var db = host.Database.CreateContext();
        Assert.False(await db.ApiKeys.IgnoreQueryFilters().AnyAsync());
    }

    [Theory, BothProviders]
    public async Task The_members_page_refuses_a_members_address_by_its_field_and_never_offers_to_remove_the_last_owner(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync("olga@example.com");
        var olga = await host.UserAsync("olga@example.com");
        var carol = await host.Factory.CreateUserAsync("carol@example.com");
        await host.Factory.AddMemberAsync(await OnlyWorkspaceAsync(host), carol, WorkspaceRole.Admin);

        var member = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "carol@example.com", ["InviteRole"] = "Viewer" }));
        Assert.Contains("id=\"invite-email-error\">carol@example.com is already a member of this workspace (Admin); change their role in the members list instead.</p>", member);
        Assert.DoesNotContain("Invitation link for", member);
        var tooLong = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = new string('x', 300) + "@example.com", ["InviteRole"] = "Viewer" }));
        Assert.Contains("id=\"invite-email-error\">An email address has at most 256 characters", tooLong);

        await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "dora@example.com", ["InviteRole"] = "Viewer" });
        var again = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", "invite", new() { ["InviteEmail"] = "dora@example.com", ["InviteRole"] = "Member" }));
        Assert.Contains("This invitation replaces the earlier one to dora@example.com (sent 23 Nov 2026): that link no longer works.", again);
        Assert.Single(Regex.Matches(again, "<strong>dora@example.com</strong>"));

        // Saving an unchanged role says so and writes nothing.
        var unchanged = await HtmlAsync(await Forms.SubmitAsync(owner, "/members", $"role-{carol.Id:N}", new() { ["Role"] = "Admin" }));
        Assert.Contains("carol@example.com is already Admin; nothing changed.", unchanged);
        Assert.DoesNotContain(await host.AuditAsync(), e => e.Action == AuditLog.Actions.MemberRoleChanged);

        // The sole owner has no "Remove…", and a crafted confirmation address shows no red button.
        var page = await HtmlAsync(await owner.GetAsync("/members"));
        Assert.DoesNotContain($"href=\"/members?remove={olga.Id}\"", page);
        Assert.Contains($"href=\"/members?remove={carol.Id}\"", page);
        Assert.Contains("Last owner: make someone else owner to remove or demote them.", page);
        var crafted = await HtmlAsync(await owner.GetAsync($"/members?remove={olga.Id}"));
        Assert.DoesNotContain("Remove olga@example.com?", crafted);
        Assert.DoesNotContain("id=\"remove-heading\"", crafted);

        // The keys page names each key's creator and its times to the minute.
        await Forms.SubmitAsync(owner, "/api-keys", "create-key", new() { ["KeyName"] = "nightly sync", ["KeyScope"] = "Read" });
        var keys = await HtmlAsync(await owner.GetAsync("/api-keys"));
        Assert.Contains("<td data-label=\"Created by\">olga@example.com</td>", keys);
        Assert.Contains("<td data-label=\"Created\">23 Nov 2026 09:00 UTC</td>", keys);
    }

    private static async Task<Guid> OnlyWorkspaceAsync(AuthTestHost host)
    {
        await using var db = host.Database.CreateContext();
        return await db.Workspaces.Select(w => w.Id).SingleAsync();
    }

    [Theory, BothProviders]
    public async Task A_key_is_shown_once_listed_by_prefix_and_refused_right_after_revocation(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var owner = await host.Factory.CreateSignedInClientAsync("olga@example.com");

        var created = await HtmlAsync(await Forms.SubmitAsync(owner, "/api-keys", "create-key", new() { ["KeyName"] = "nightly sync", ["KeyScope"] = "ReadWrite" }));
        var secret = SecretBlock().Match(created).Groups[1].Value;
        Assert.StartsWith("gv_", secret);

        using var script = host.Factory.CreateKeyClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/members")).StatusCode);
        // Keys act as a Member at most: they do not manage keys.
        Assert.Equal(HttpStatusCode.Forbidden, (await script.GetAsync("/api/v1/api-keys")).StatusCode);

        var listed = await HtmlAsync(await owner.GetAsync("/api-keys"));
        Assert.DoesNotContain(secret, listed);
        Assert.Contains(secret[..11] + "…", listed);
        Assert.Contains("read-write", listed);
        Assert.Contains("23 Nov 2026", listed);

        await using var db = host.Database.CreateContext();
        var key = await db.ApiKeys.IgnoreQueryFilters().SingleAsync();
        Assert.NotNull(key.LastUsedAt);
        Assert.Contains("Revoke “nightly sync”", await HtmlAsync(await owner.GetAsync($"/api-keys?revoke={key.Id}")));
        var revoked = await Forms.SubmitAsync(owner, $"/api-keys?revoke={key.Id}", "revoke-key", new() { ["RevokeId"] = key.Id.ToString() });
        Assert.Contains("The key is revoked", await HtmlAsync(revoked));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/members")).StatusCode);

        var audit = (await host.AuditAsync()).Select(e => (e.Action, e.Target)).ToList();
        Assert.Contains((AuditLog.Actions.ApiKeyCreated, $"nightly sync ({key.Prefix}…)"), audit);
        Assert.Contains((AuditLog.Actions.ApiKeyRevoked, $"nightly sync ({key.Prefix}…)"), audit);
        Assert.DoesNotContain(await host.AuditAsync(), e => $"{e.Target} {e.Detail}".Contains(secret, StringComparison.Ordinal));
    }

    [Theory, BothProviders]
    public async Task An_event_without_a_person_or_a_target_reads_system_and_none_in_the_audit_log(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(olga, "Olga Brand");
        await using (var db = host.Database.CreateContext())
        {
            db.AuditEntries.Add(new AuditEntry
            {
                WorkspaceId = workspace,
                Id = Guid.NewGuid(),
                At = host.Time.GetUtcNow().UtcDateTime,
                Action = "invitation_expired",
            });
            await db.SaveChangesAsync();
        }

        using var owner = await host.Factory.SignInAsync("olga@example.com");
        var page = await HtmlAsync(await owner.GetAsync("/audit"));
        Assert.Contains("<td data-label=\"Who\">system</td>", page);
        Assert.Contains("<td data-label=\"What\">none</td>", page);
        Assert.DoesNotContain("—</td>", page);
    }

    [Theory, BothProviders]
    public async Task The_audit_log_is_for_admins_and_owners_and_pages_back_in_time(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(olga, "Olga Brand");
        var vic = await host.Factory.CreateUserAsync("vic@example.com");
        await host.Factory.AddMemberAsync(workspace, vic, WorkspaceRole.Viewer);
        await host.Factory.AsMemberAsync(workspace, olga, WorkspaceRole.Owner, async s =>
        {
            var service = s.GetRequiredService<WorkspaceService>();
            for (var i = 0; i < 7; i++)
            {
                await service.InviteAsync($"guest{i}@example.com", WorkspaceRole.Viewer, default);
                host.Time.Advance(TimeSpan.FromMinutes(1));
            }
            return 0;
        });

        using var viewer = await host.Factory.SignInAsync("vic@example.com");
        Assert.Contains("Only Admins and Owners read the audit log", await HtmlAsync(await viewer.GetAsync("/audit")));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/audit")).StatusCode);

        using var owner = await host.Factory.SignInAsync("olga@example.com");
        var page = await HtmlAsync(await owner.GetAsync("/audit"));
        Assert.Contains("guest6@example.com", page);
        Assert.Contains("signed in", page);
        Assert.Contains("invited", page);

        var items = new List<string>();
        string? before = null;
        do
        {
            var response = await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=3" + (before is null ? "" : "&before=" + Uri.EscapeDataString(before)));
            items.AddRange(response.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString() + ":" + e.GetProperty("target").GetString()));
            before = response.GetProperty("before").GetString();
        }
        while (before is not null && items.Count < 50);
        var all = (await host.AuditAsync()).Where(e => e.WorkspaceId == workspace).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Action + ":" + e.Target).ToList();
        Assert.Equal(all, items);
        Assert.Equal(7, items.Count(i => i.StartsWith(AuditLog.Actions.MemberInvited, StringComparison.Ordinal)));

        var bad = await owner.GetAsync("/api/v1/audit?before=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"before\"", await bad.Content.ReadAsStringAsync());

        // The page says so too, instead of showing the newest events as if they were older.
        var badPage = await HtmlAsync(await owner.GetAsync("/audit?before=yesterday"));
        Assert.Contains("'yesterday' in the address is not a date and time", badPage);
        Assert.DoesNotContain("guest6@example.com", badPage);
    }

    [Theory, BothProviders]
    public async Task The_audit_log_filters_by_event_person_and_day_and_exports_the_filtered_entries_as_csv(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var olga = await host.Factory.CreateUserAsync("olga@example.com");
        var workspace = await host.Factory.CreateWorkspaceAsync(olga, "Olga Brand");
        var ann = await host.Factory.CreateUserAsync("ann@example.com");
        await host.Factory.AddMemberAsync(workspace, ann, WorkspaceRole.Admin);
        var firstDay = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);
        await host.Factory.AsMemberAsync(workspace, olga, WorkspaceRole.Owner, async s =>
        {
            for (var i = 0; i < 3; i++)
                await s.GetRequiredService<WorkspaceService>().InviteAsync($"early{i}@example.com", WorkspaceRole.Viewer, default);
            return 0;
        });
        host.Time.Advance(TimeSpan.FromDays(2));
        var laterDay = DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);
        await host.Factory.AsMemberAsync(workspace, ann, WorkspaceRole.Admin, async s =>
            await s.GetRequiredService<WorkspaceService>().InviteAsync("late@example.com", WorkspaceRole.Viewer, default));

        using var owner = await host.Factory.SignInAsync("olga@example.com");
        async Task<List<JsonElement>> Items(string query) =>
            [.. (await owner.GetFromJsonAsync<JsonElement>("/api/v1/audit?" + query)).GetProperty("items").EnumerateArray()];

        var invited = await Items("action=member_invited");
        Assert.Equal(4, invited.Count);
        Assert.All(invited, e => Assert.Equal(AuditLog.Actions.MemberInvited, e.GetProperty("action").GetString()));
        var byAnn = await Items($"actor={ann.Id}");
        Assert.Equal(["member_invited:late@example.com"], byAnn.Select(e => e.GetProperty("action").GetString() + ":" + e.GetProperty("target").GetString()));
        var firstDayOnly = await Items($"action=member_invited&from={firstDay:yyyy-MM-dd}&to={firstDay:yyyy-MM-dd}");
        Assert.Equal(3, firstDayOnly.Count);
        Assert.Single(await Items($"action=member_invited&from={laterDay:yyyy-MM-dd}"));

        foreach (var (query, field) in new[] { ("from=yesterday", "from"), ("actor=olga", "actor"), ($"from={laterDay:yyyy-MM-dd}&to={firstDay:yyyy-MM-dd}", "to") })
        {
            var bad = await owner.GetAsync("/api/v1/audit?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), query);
            Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync("/api/v1/audit.csv?" + query)).StatusCode);
        }

        var csv = await owner.GetAsync("/api/v1/audit.csv?action=member_invited");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("at_utc,action,actor_user_id,actor,target,detail,ip_address", lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.StartsWith($"{laterDay:yyyy-MM-dd}T", lines[1]);
        Assert.Contains($",member_invited,{ann.Id},", lines[1]);
        Assert.Contains(await host.AuditAsync(), e => e.Action == AuditLog.Actions.Export && e.Target == "audit log" && e.Detail == "4 entries as CSV (filtered)");

        // The page: the same filters, the rows they match, and an export of exactly those.
        var page = await HtmlAsync(await owner.GetAsync("/audit?action=member_invited&actor=" + ann.Id));
        Assert.Contains("late@example.com", page);
        Assert.DoesNotContain("early0@example.com", page);
        Assert.Contains($"href=\"/api/v1/audit.csv?action=member_invited&actor={ann.Id}\"", page);
        Assert.Contains($"<option value=\"{ann.Id}\" selected", page);
        var badPage = await HtmlAsync(await owner.GetAsync("/audit?from=31/12/2026"));
        Assert.Contains("Some filters need fixing", badPage);
        Assert.Contains("'31/12/2026' is not a day", badPage);
        Assert.DoesNotContain("late@example.com", badPage);
    }

    [GeneratedRegex("id=\"invitation-link\">([^<]+)<")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("id=\"api-key-secret\">([^<]+)<")]
    private static partial Regex SecretBlock();
}
