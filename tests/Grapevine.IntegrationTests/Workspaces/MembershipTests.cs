using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Grapevine.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.IntegrationTests.Workspaces;

public class MembershipTests
{
    [Theory, BothProviders]
    public async Task An_invitation_works_once_and_not_after_it_expires(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var carol = f.NewUser("carol@example.com");
        var dave = f.NewUser("dave@example.com");
        await using (var system = f.Database.CreateContext())
        {
            system.Users.AddRange(carol, dave);
            await system.SaveChangesAsync();
        }
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            var (_, token) = await f.Workspaces(db, owner).InviteAsync("carol@example.com", WorkspaceRole.Member, default);
            var (_, late) = await f.Workspaces(db, owner).InviteAsync("dave@example.com", WorkspaceRole.Viewer, default);

            await using var carolDb = f.Database.CreateContext();
            var none = new CurrentWorkspace();
            var joined = await f.Workspaces(carolDb, none).AcceptInvitationAsync(token, carol, default);
            Assert.Equal(f.WorkspaceA, joined.Id);
            var reuse = await Assert.ThrowsAsync<WorkspaceRuleException>(() => f.Workspaces(carolDb, none).AcceptInvitationAsync(token, carol, default));
            Assert.Contains("already been used", reuse.Message);

            // A member opening a link meant for someone else keeps their role, and the link stays open for its addressee.
            var (_, forDave) = await f.Workspaces(db, owner).InviteAsync("dave@example.com", WorkspaceRole.Admin, default);
            var member = await Assert.ThrowsAsync<WorkspaceRuleException>(() => f.Workspaces(carolDb, none).AcceptInvitationAsync(forDave, carol, default));
            Assert.Contains("already a member of this workspace (Member); the invitation stays open for dave@example.com", member.Message);
            Assert.Equal(InvitationState.Open, (await f.Workspaces(carolDb, none).PreviewInvitationAsync(forDave, default))!.State);

            f.Time.Advance(WorkspaceService.InvitationLifetime + TimeSpan.FromMinutes(1));
            var expired = await Assert.ThrowsAsync<WorkspaceRuleException>(() => f.Workspaces(carolDb, none).AcceptInvitationAsync(late, dave, default));
            Assert.Contains("expired", expired.Message);

            var memberships = await f.Workspaces(carolDb, none).MembershipsAsync(carol.Id, default);
            Assert.Equal(WorkspaceRole.Member, Assert.Single(memberships).Role);
            Assert.Empty(await f.Workspaces(carolDb, none).MembershipsAsync(dave.Id, default));
        }
    }

    [Theory, BothProviders]
    public async Task The_last_owner_stays_and_admins_cannot_touch_owners(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            await Assert.ThrowsAsync<WorkspaceRuleException>(() => f.Workspaces(db, owner).ChangeRoleAsync(f.Alice.Id, WorkspaceRole.Admin, default));
            await Assert.ThrowsAsync<WorkspaceRuleException>(() => f.Workspaces(db, owner).RemoveMemberAsync(f.Alice.Id, default));
        }
        var (adminDb, admin) = f.As(f.WorkspaceA, f.Bob, WorkspaceRole.Admin);
        await using (adminDb)
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => f.Workspaces(adminDb, admin).RemoveMemberAsync(f.Alice.Id, default));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => f.Workspaces(adminDb, admin).InviteAsync("x@example.com", WorkspaceRole.Owner, default));
        }
    }

    [Theory, BothProviders]
    public async Task A_revoked_key_is_refused_on_the_next_request_and_secrets_are_not_stored(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            var (key, secret) = await f.Keys(db, owner).CreateAsync("nightly sync", ApiKeyScope.ReadWrite, default);
            Assert.StartsWith(key.Prefix, secret);

            await using (var request = f.Database.CreateContext())
            {
                var found = await f.Keys(request, new CurrentWorkspace()).AuthenticateAsync(secret, default);
                Assert.Equal(f.WorkspaceA, found!.WorkspaceId);
            }

            await f.Keys(db, owner).RevokeAsync(key.Id, default);

            await using (var request = f.Database.CreateContext())
                Assert.Null(await f.Keys(request, new CurrentWorkspace()).AuthenticateAsync(secret, default));

            await using var system = f.Database.CreateContext();
            var stored = await system.ApiKeys.IgnoreQueryFilters().SingleAsync();
            Assert.NotEqual(secret, stored.Hash);
            Assert.DoesNotContain(secret, await system.AuditEntries.IgnoreQueryFilters().Select(e => e.Target + e.Detail).ToListAsync());
            Assert.NotNull(stored.LastUsedAt);
        }
    }

    [Theory, BothProviders]
    public async Task List_export_writes_csv_and_is_audited(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Member);
        await using (db)
        {
            var list = await f.Lists(db, owner).CreateAsync("Q1 \"launch\", maybe", default);
            await f.Lists(db, owner).AddAsync(list.Id, [f.AccountId], default);
            var output = new StringWriter();
            await f.Lists(db, owner).ExportCsvAsync(list.Id, output, default);
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal("platform,handle,display_name,followers,tier,country,er_followers_pct,added_at", lines[0]);
            Assert.StartsWith("instagram,anna,,12000,", lines[1]);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "export"));
        }
    }
}
