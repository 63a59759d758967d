using Grapevine.Core.Audit;
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
        var users = await f.AddUsersAsync("carol@example.com", "dave@example.com");
        var (carol, dave) = (users[0], users[1]);
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            var (_, token, _) = await f.Workspaces(db, owner).InviteAsync("carol@example.com", WorkspaceRole.Member, default);
            var (_, late, _) = await f.Workspaces(db, owner).InviteAsync("erin@example.com", WorkspaceRole.Viewer, default);

            await using var carolDb = f.Database.CreateContext();
            var none = new CurrentWorkspace();
            var joined = await f.Workspaces(carolDb, none).AcceptInvitationAsync(token, carol, default);
            Assert.Equal(f.WorkspaceA, joined.Id);
            var reuse = await Assert.ThrowsAsync<WorkspaceRuleException>(() => f.Workspaces(carolDb, none).AcceptInvitationAsync(token, carol, default));
            Assert.Contains("already been used", reuse.Message);

            // A member opening a link meant for someone else keeps their role, and the link stays open for its addressee.
            var (_, forDave, _) = await f.Workspaces(db, owner).InviteAsync("dave@example.com", WorkspaceRole.Admin, default);
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
    public async Task An_invitation_opened_twice_at_once_lets_exactly_one_person_in(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var users = await f.AddUsersAsync("carol@example.com", "dave@example.com");
        var (carol, dave) = (users[0], users[1]);
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            var (invitation, token, _) = await f.Workspaces(db, owner).InviteAsync("race@example.com", WorkspaceRole.Admin, default);

            // Carol's request has read the invitation (still open) when Dave's request accepts it: her read is stale,
            // as in two "Join" presses at the same moment.
            var none = new CurrentWorkspace();
            await using var carolDb = f.Database.CreateContext();
            Assert.Null((await carolDb.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == invitation.Id)).AcceptedAt);
            await using (var daveDb = f.Database.CreateContext())
                await f.Workspaces(daveDb, none).AcceptInvitationAsync(token, dave, default);

            var second = await Assert.ThrowsAsync<WorkspaceRuleException>(() => f.Workspaces(carolDb, none).AcceptInvitationAsync(token, carol, default));
            Assert.Contains("already been used", second.Message);

            await using var check = f.Database.CreateContext();
            var members = await check.Members.IgnoreQueryFilters().Where(m => m.WorkspaceId == f.WorkspaceA).Select(m => m.UserId).ToListAsync();
            Assert.Contains(dave.Id, members);
            Assert.DoesNotContain(carol.Id, members);
            Assert.Equal(dave.Id, (await check.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == invitation.Id)).AcceptedBy);
            Assert.Single(await check.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == AuditLog.Actions.MemberJoined).ToListAsync());
        }
    }

    [Theory, BothProviders]
    public async Task A_member_is_not_invited_again_and_a_new_invitation_replaces_the_pending_one(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            var service = f.Workspaces(db, owner);
            var member = await Assert.ThrowsAsync<ArgumentException>(() => service.InviteAsync(" ALICE@example.com ", WorkspaceRole.Admin, default));
            Assert.Equal("email", member.ParamName);
            Assert.StartsWith("alice@example.com is already a member of this workspace (Owner)", member.Message);

            var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => service.InviteAsync(new string('x', 250) + "@x.test", WorkspaceRole.Viewer, default));
            Assert.Equal("email", tooLong.ParamName);
            Assert.Contains("at most 256 characters", tooLong.Message);

            var (first, firstToken, none) = await service.InviteAsync("carol@example.com", WorkspaceRole.Viewer, default);
            Assert.Empty(none);
            f.Time.Advance(TimeSpan.FromHours(1));
            var (second, secondToken, replaced) = await service.InviteAsync("Carol@Example.com", WorkspaceRole.Member, default);
            Assert.Equal([first.Id], replaced.Select(i => i.Id));

            var pending = Assert.Single(await service.PendingInvitationsAsync(default));
            Assert.Equal((second.Id, WorkspaceRole.Member), (pending.Id, pending.Role));
            Assert.Equal(InvitationState.Revoked, (await service.PreviewInvitationAsync(firstToken, default))!.State);
            Assert.Equal(InvitationState.Open, (await service.PreviewInvitationAsync(secondToken, default))!.State);
            var revoked = Assert.Single(await db.AuditEntries.Where(e => e.Action == AuditLog.Actions.InvitationRevoked).ToListAsync());
            Assert.Equal(("carol@example.com", "role Viewer; replaced by a new invitation"), (revoked.Target, revoked.Detail));
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditLog.Actions.MemberInvited));
        }
    }

    [Theory, BothProviders]
    public async Task Removing_or_leaving_revokes_the_persons_keys_and_pending_invitations(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        var carol = f.NewUser("carol@example.com");
        var dave = f.NewUser("dave@example.com");
        await using (var system = f.Database.CreateContext())
        {
            system.Users.AddRange(carol, dave);
            system.Members.Add(new Member { WorkspaceId = f.WorkspaceA, UserId = carol.Id, Role = WorkspaceRole.Admin, JoinedAt = f.Time.GetUtcNow().UtcDateTime });
            system.Members.Add(new Member { WorkspaceId = f.WorkspaceA, UserId = dave.Id, Role = WorkspaceRole.Admin, JoinedAt = f.Time.GetUtcNow().UtcDateTime });
            await system.SaveChangesAsync();
        }
        string carolsSecret, davesSecret, alicesSecret;
        var (carolDb, asCarol) = f.As(f.WorkspaceA, carol, WorkspaceRole.Admin);
        await using (carolDb)
            (_, carolsSecret) = await f.Keys(carolDb, asCarol).CreateAsync("carol's sync", ApiKeyScope.ReadWrite, default);
        var (daveDb, asDave) = f.As(f.WorkspaceA, dave, WorkspaceRole.Admin);
        await using (daveDb)
            (_, davesSecret) = await f.Keys(daveDb, asDave).CreateAsync("dave's report", ApiKeyScope.Read, default);
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            (_, alicesSecret) = await f.Keys(db, owner).CreateAsync("alice's export", ApiKeyScope.Read, default);
            // An invitation to Carol's address made before she joined by another way.
            db.Invitations.Add(new Invitation
            {
                Id = Guid.NewGuid(),
                WorkspaceId = f.WorkspaceA,
                Email = "carol@example.com",
                Role = WorkspaceRole.Member,
                TokenHash = SecretTokens.Hash("old-link"),
                InvitedBy = f.Alice.Id,
                CreatedAt = f.Time.GetUtcNow().UtcDateTime,
                ExpiresAt = f.Time.GetUtcNow().UtcDateTime + WorkspaceService.InvitationLifetime,
            });
            await db.SaveChangesAsync();

            var listed = await f.Keys(db, owner).ListAsync(default);
            Assert.Equal("carol@example.com", listed.Single(k => k.Key.Name == "carol's sync").CreatedBy);

            await f.Workspaces(db, owner).RemoveMemberAsync(carol.Id, default);
            Assert.Equal(InvitationState.Revoked, (await f.Workspaces(db, owner).PreviewInvitationAsync("old-link", default))!.State);
        }
        var (leavingDb, leaving) = f.As(f.WorkspaceA, dave, WorkspaceRole.Admin);
        await using (leavingDb)
            await f.Workspaces(leavingDb, leaving).LeaveAsync(default);

        // Neither key works any more, even if the person is invited back; the owner's key still does.
        await using var check = f.Database.CreateContext();
        Assert.Null(await f.Keys(check, new CurrentWorkspace()).AuthenticateAsync(carolsSecret, default));
        Assert.Null(await f.Keys(check, new CurrentWorkspace()).AuthenticateAsync(davesSecret, default));
        Assert.NotNull(await f.Keys(check, new CurrentWorkspace()).AuthenticateAsync(alicesSecret, default));
        var revoked = await check.AuditEntries.IgnoreQueryFilters().Where(e => e.Action == AuditLog.Actions.ApiKeyRevoked).OrderBy(e => e.Target).ToListAsync();
        Assert.Equal(
            [("carol's sync", "its creator was removed from the workspace", "alice@example.com"), ("dave's report", "its creator left the workspace", "dave@example.com")],
            revoked.Select(e => (e.Target![..e.Target!.IndexOf(" (", StringComparison.Ordinal)], e.Detail, e.ActorName)));
    }

    [Theory, BothProviders]
    public async Task Saving_the_role_a_member_already_has_changes_nothing(DatabaseProvider provider)
    {
        await using var f = await WorkspaceFixture.CreateAsync(provider);
        await using (var system = f.Database.CreateContext())
        {
            system.Members.Add(new Member { WorkspaceId = f.WorkspaceA, UserId = f.Bob.Id, Role = WorkspaceRole.Admin, JoinedAt = f.Time.GetUtcNow().UtcDateTime });
            await system.SaveChangesAsync();
        }
        var (db, owner) = f.As(f.WorkspaceA, f.Alice, WorkspaceRole.Owner);
        await using (db)
        {
            Assert.False(await f.Workspaces(db, owner).ChangeRoleAsync(f.Bob.Id, WorkspaceRole.Admin, default));
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditLog.Actions.MemberRoleChanged));
            Assert.True(await f.Workspaces(db, owner).ChangeRoleAsync(f.Bob.Id, WorkspaceRole.Member, default));
            Assert.Equal("Admin → Member", (await db.AuditEntries.SingleAsync(e => e.Action == AuditLog.Actions.MemberRoleChanged)).Detail);
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
            Assert.Equal("platform,handle,display_name,followers,tier,country,er_followers_pct,added_at,language,category,email,external_url", lines[0]);
            Assert.StartsWith("instagram,anna,,12000,", lines[1]);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "export"));
        }
    }
}
