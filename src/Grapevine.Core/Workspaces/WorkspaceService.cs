using System.Text.RegularExpressions;
using Grapevine.Core.Audit;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Workspaces;

/// <summary>Workspaces, memberships and invitations. Every change is audited.</summary>
public sealed partial class WorkspaceService(GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>The longest address an invitation takes: the same limit as sign-up, so every invitation can be accepted.</summary>
    public const int MaxEmailLength = 256;

    /// <summary>A user's workspaces with their role in each; read across tenants on purpose (the switcher).</summary>
    public Task<List<Membership>> MembershipsAsync(Guid userId, CancellationToken ct) =>
        db.Members.IgnoreQueryFilters().Where(m => m.UserId == userId)
            .Join(db.Workspaces, m => m.WorkspaceId, w => w.Id, (m, w) => new { m.Role, Workspace = w })
            .OrderBy(x => x.Workspace.Name)
            .Select(x => new Membership(x.Workspace.Id, x.Workspace.Name, x.Workspace.Slug, x.Role))
            .ToListAsync(ct);

    /// <summary>Creates a workspace owned by <paramref name="owner"/> (sign-up, or "new workspace").</summary>
    public async Task<Workspace> CreateAsync(GrapevineUser owner, string name, CancellationToken ct)
    {
        if (NameProblem(name) is { } problem)
            throw new ArgumentException(problem, nameof(name));
        name = name.Trim();
        await RequireNewNameAsync(owner.Id, name, null, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Id = Guid.CreateVersion7(time.GetUtcNow()), Name = name, Slug = await UniqueSlugAsync(name, ct), CreatedAt = now };
        db.Workspaces.Add(workspace);
        db.Members.Add(new Member { WorkspaceId = workspace.Id, UserId = owner.Id, Role = WorkspaceRole.Owner, JoinedAt = now });
        audit.AddTo(workspace.Id, AuditLog.Actions.WorkspaceCreated, name, null, null, owner.Id, owner.Email);
        using (current.Leave())
            await db.SaveChangesAsync(ct);
        return workspace;
    }

    /// <summary>Why <paramref name="name"/> cannot name a workspace, or null when it can.</summary>
    public static string? NameProblem(string? name) => (name?.Trim().Length ?? 0) switch
    {
        0 => "A workspace needs a name.",
        > 200 => $"A workspace name has at most 200 characters; this one has {name!.Trim().Length}.",
        _ => null,
    };

    /// <summary>The current workspace as its settings page shows it.</summary>
    public async Task<WorkspaceDetails> DetailsAsync(CancellationToken ct)
    {
        Require(Permission.ReadWorkspaceData);
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == current.Id, ct);
        var members = await db.Members.CountAsync(ct);
        var owners = await OwnerCountAsync(ct);
        return new WorkspaceDetails(workspace.Id, workspace.Name, workspace.Slug, workspace.CreatedAt, current.Role!.Value, members, owners);
    }

    /// <summary>Renames the current workspace (Owners only). The slug stays, so links and scripts that use it keep working.</summary>
    public async Task<Workspace> RenameAsync(string name, CancellationToken ct)
    {
        Require(Permission.ManageWorkspace);
        if (NameProblem(name) is { } problem)
            throw new ArgumentException(problem, nameof(name));
        name = name.Trim();
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == current.Id, ct);
        if (workspace.Name == name)
            return workspace;
        if (current.UserId is { } userId)
            await RequireNewNameAsync(userId, name, workspace.Id, ct);
        var before = workspace.Name;
        workspace.Name = name;
        audit.Add(AuditLog.Actions.WorkspaceRenamed, name, $"was {before}");
        await db.SaveChangesAsync(ct);
        return workspace;
    }

    /// <summary>
    /// Takes the signed-in person out of the current workspace. The last Owner cannot leave (a workspace keeps one);
    /// an API key cannot leave for the person who made it.
    /// </summary>
    public async Task LeaveAsync(CancellationToken ct)
    {
        Require(Permission.ReadWorkspaceData);
        if (current.ApiKeyId is not null)
            throw new WorkspaceRuleException("An API key cannot leave a workspace; sign in and leave on the workspace's settings page.");
        var member = await db.Members.Include(m => m.User).SingleAsync(m => m.UserId == current.UserId, ct);
        if (member.Role == WorkspaceRole.Owner && await OwnerCountAsync(ct) == 1)
        {
            throw new WorkspaceRuleException(await db.Members.CountAsync(ct) == 1
                ? "You are this workspace's only member and owner; a workspace keeps one owner, so it cannot be left."
                : "You are the last owner: make another member owner on the Members page first, then leave.");
        }
        db.Members.Remove(member);
        audit.Add(AuditLog.Actions.MemberLeft, member.User?.Email, $"role {member.Role}");
        await RevokeKeysOfAsync(member.UserId, "its creator left the workspace", ct);
        await RevokePendingInvitationsAsync(member.User?.Email, "the member left the workspace", ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<MemberView>> MembersAsync(CancellationToken ct)
    {
        Require(Permission.ReadWorkspaceData);
        return await db.Members.Include(m => m.User).OrderBy(m => m.User!.Email)
            .Select(m => new MemberView(m.UserId, m.User!.Email!, m.User.DisplayName, m.Role, m.JoinedAt))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Creates an invitation and returns the single-use token to put in the link (only its hash is kept). A member's
    /// address is refused; an earlier pending invitation to the same address is revoked and replaced, and returned as
    /// <c>Replaced</c>, so one person never holds two live links.
    /// </summary>
    public async Task<(Invitation Invitation, string Token, IReadOnlyList<Invitation> Replaced)> InviteAsync(string email, WorkspaceRole role, CancellationToken ct)
    {
        Require(Permission.ManageMembers);
        email = email.Trim();
        if (EmailProblem(email) is { } problem)
            throw new ArgumentException(problem, nameof(email));
        if (role == WorkspaceRole.Owner && current.Role != WorkspaceRole.Owner)
            throw new PermissionDeniedException(Permission.ManageWorkspace);
        var normalized = email.ToUpperInvariant();
        if (await db.Members.Include(m => m.User).FirstOrDefaultAsync(m => m.User!.NormalizedEmail == normalized, ct) is { } member)
        {
            throw new ArgumentException(
                $"{member.User!.Email} is already a member of this workspace ({member.Role}); change their role in the members list instead.", nameof(email));
        }
        var replaced = await RevokePendingInvitationsAsync(email, "replaced by a new invitation", ct);
        var token = SecretTokens.New();
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Email = email,
            Role = role,
            TokenHash = SecretTokens.Hash(token),
            InvitedBy = current.UserId ?? Guid.Empty,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.Invitations.Add(invitation);
        audit.Add(AuditLog.Actions.MemberInvited, email, $"role {role}");
        await db.SaveChangesAsync(ct);
        return (invitation, token, replaced);
    }

    /// <summary>Why <paramref name="email"/> cannot be invited, or null when it can; forms check it with the other fields.</summary>
    public static string? EmailProblem(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length > MaxEmailLength)
            return $"An email address has at most {MaxEmailLength} characters; this one has {trimmed.Length}.";
        return EmailPattern().IsMatch(trimmed) ? null : $"'{trimmed}' is not an email address.";
    }

    // Addresses are compared as Identity compares them (upper-cased); there are few pending invitations, so this is done here.
    private async Task<IReadOnlyList<Invitation>> RevokePendingInvitationsAsync(string? email, string reason, CancellationToken ct)
    {
        if (email is null)
            return [];
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.Invitations.Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).ToListAsync(ct);
        var matching = pending.Where(i => string.Equals(i.Email.Trim().ToUpperInvariant(), email.Trim().ToUpperInvariant(), StringComparison.Ordinal)).ToList();
        foreach (var invitation in matching)
        {
            invitation.RevokedAt = now;
            invitation.RevokedBy = current.UserId;
            audit.Add(AuditLog.Actions.InvitationRevoked, invitation.Email, $"role {invitation.Role}; {reason}");
        }
        return matching;
    }

    // A removed member's keys would otherwise come back to life if they were invited again.
    private async Task RevokeKeysOfAsync(Guid userId, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var key in await db.ApiKeys.Where(k => k.CreatedBy == userId && k.RevokedAt == null).ToListAsync(ct))
        {
            key.RevokedAt = now;
            audit.Add(AuditLog.Actions.ApiKeyRevoked, $"{key.Name} ({key.Prefix}…)", reason);
        }
    }

    /// <summary>The invitations of the current workspace that can still be accepted, newest first.</summary>
    public async Task<List<PendingInvitation>> PendingInvitationsAsync(CancellationToken ct)
    {
        Require(Permission.ManageMembers);
        var now = time.GetUtcNow().UtcDateTime;
        return await (
                from i in db.Invitations.AsNoTracking()
                where i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                join u in db.Users on i.InvitedBy equals u.Id into inviters
                from inviter in inviters.DefaultIfEmpty()
                orderby i.CreatedAt descending, i.Email
                select new PendingInvitation(i.Id, i.Email, i.Role, inviter == null ? null : inviter.Email, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(ct);
    }

    /// <summary>Revokes an invitation that has not been accepted: its link is refused from then on.</summary>
    public async Task RevokeInvitationAsync(Guid invitationId, CancellationToken ct)
    {
        Require(Permission.ManageMembers);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct)
            ?? throw new KeyNotFoundException("No such invitation in this workspace.");
        if (invitation.Role == WorkspaceRole.Owner && current.Role != WorkspaceRole.Owner)
            throw new PermissionDeniedException(Permission.ManageWorkspace);
        if (invitation.AcceptedAt is not null)
            throw new WorkspaceRuleException($"The invitation for {invitation.Email} has been accepted; remove the member instead.");
        if (invitation.RevokedAt is not null)
            throw new WorkspaceRuleException($"The invitation for {invitation.Email} has already been revoked.");
        invitation.RevokedAt = time.GetUtcNow().UtcDateTime;
        invitation.RevokedBy = current.UserId;
        audit.Add(AuditLog.Actions.InvitationRevoked, invitation.Email, $"role {invitation.Role}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What an invitation link offers, for the page that accepts it; null when no invitation has that token.</summary>
    public async Task<InvitationPreview?> PreviewInvitationAsync(string token, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(token);
        var found = await db.Invitations.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Join(db.Workspaces, i => i.WorkspaceId, w => w.Id, (i, w) => new { Invitation = i, Workspace = w.Name })
            .SingleOrDefaultAsync(ct);
        if (found is null)
            return null;
        var invitation = found.Invitation;
        var state = invitation.AcceptedAt is not null ? InvitationState.Used
            : invitation.RevokedAt is not null ? InvitationState.Revoked
            : invitation.ExpiresAt <= time.GetUtcNow().UtcDateTime ? InvitationState.Expired
            : InvitationState.Open;
        return new InvitationPreview(invitation.WorkspaceId, found.Workspace, invitation.Email, invitation.Role, invitation.ExpiresAt, state);
    }

    /// <summary>Joins the invitation's workspace; the token works once, before it expires.</summary>
    public async Task<Workspace> AcceptInvitationAsync(string token, GrapevineUser user, CancellationToken ct)
    {
        var hash = SecretTokens.Hash(token);
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new WorkspaceRuleException("This invitation link is not valid.");
        var now = time.GetUtcNow().UtcDateTime;
        if (invitation.AcceptedAt is not null)
            throw new WorkspaceRuleException("This invitation link has already been used.");
        if (invitation.RevokedAt is not null)
            throw new WorkspaceRuleException("This invitation link has been revoked; ask for a new one.");
        if (invitation.ExpiresAt <= now)
            throw new WorkspaceRuleException("This invitation link has expired; ask for a new one.");
        // A member opening someone else's link must not change their own role with it (roles change on the Members page,
        // audited), nor use up the link meant for the other person.
        var existing = await db.Members.IgnoreQueryFilters().SingleOrDefaultAsync(m => m.WorkspaceId == invitation.WorkspaceId && m.UserId == user.Id, ct);
        if (existing is not null)
        {
            throw new WorkspaceRuleException(
                $"You are already a member of this workspace ({existing.Role}); the invitation stays open for {invitation.Email}. " +
                "An owner or admin changes roles on the Members page.");
        }
        // Marked used in the database only while still open, so that of two people pressing "Join" at once exactly one gets in.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Invitations.IgnoreQueryFilters()
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, user.Id), ct);
        if (claimed != 1)
            throw new WorkspaceRuleException("This invitation link has already been used.");
        // The update went past the change tracker; a later call on this context must see the link as used.
        await db.Entry(invitation).ReloadAsync(ct);
        db.Members.Add(new Member { WorkspaceId = invitation.WorkspaceId, UserId = user.Id, Role = invitation.Role, JoinedAt = now });
        audit.AddTo(invitation.WorkspaceId, AuditLog.Actions.MemberJoined, user.Email, $"role {invitation.Role}", null, user.Id, user.Email);
        using (current.Leave())
            await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await db.Workspaces.SingleAsync(w => w.Id == invitation.WorkspaceId, ct);
    }

    /// <summary>Gives a member another role; false (nothing saved or audited) when they already have it.</summary>
    public async Task<bool> ChangeRoleAsync(Guid userId, WorkspaceRole role, CancellationToken ct)
    {
        Require(Permission.ManageMembers);
        var member = await db.Members.Include(m => m.User).SingleOrDefaultAsync(m => m.UserId == userId, ct)
            ?? throw new KeyNotFoundException("No such member in this workspace.");
        if ((member.Role == WorkspaceRole.Owner || role == WorkspaceRole.Owner) && current.Role != WorkspaceRole.Owner)
            throw new PermissionDeniedException(Permission.ManageWorkspace);
        if (member.Role == WorkspaceRole.Owner && role != WorkspaceRole.Owner && await OwnerCountAsync(ct) == 1)
            throw new WorkspaceRuleException("A workspace keeps at least one owner: make someone else owner first.");
        if (member.Role == role)
            return false;
        var before = member.Role;
        member.Role = role;
        audit.Add(AuditLog.Actions.MemberRoleChanged, member.User?.Email, $"{before} → {role}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task RemoveMemberAsync(Guid userId, CancellationToken ct)
    {
        Require(Permission.ManageMembers);
        var member = await db.Members.Include(m => m.User).SingleOrDefaultAsync(m => m.UserId == userId, ct)
            ?? throw new KeyNotFoundException("No such member in this workspace.");
        if (member.Role == WorkspaceRole.Owner && current.Role != WorkspaceRole.Owner)
            throw new PermissionDeniedException(Permission.ManageWorkspace);
        if (member.Role == WorkspaceRole.Owner && await OwnerCountAsync(ct) == 1)
            throw new WorkspaceRuleException("The last owner cannot be removed.");
        db.Members.Remove(member);
        audit.Add(AuditLog.Actions.MemberRemoved, member.User?.Email);
        await RevokeKeysOfAsync(member.UserId, "its creator was removed from the workspace", ct);
        await RevokePendingInvitationsAsync(member.User?.Email, "the member was removed", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Two of one person's workspaces may not share a name: the switcher in the page header shows names only, and could
    /// not tell them apart. Other people's workspaces may have any name.
    /// </summary>
    private async Task RequireNewNameAsync(Guid userId, string name, Guid? renaming, CancellationToken ct)
    {
        var clash = (await MembershipsAsync(userId, ct))
            .FirstOrDefault(m => m.WorkspaceId != renaming && string.Equals(m.Name, name, StringComparison.CurrentCultureIgnoreCase));
        if (clash is not null)
            throw new ArgumentException($"You are already in a workspace called “{clash.Name}”; choose another name, so the two can be told apart.", nameof(name));
    }

    private Task<int> OwnerCountAsync(CancellationToken ct) => db.Members.CountAsync(m => m.Role == WorkspaceRole.Owner, ct);

    private void Require(Permission permission)
    {
        if (!current.Can(permission))
            throw new PermissionDeniedException(permission);
    }

    private async Task<string> UniqueSlugAsync(string name, CancellationToken ct)
    {
        var stem = SlugPattern().Replace(name.ToLowerInvariant(), "-").Trim('-');
        if (stem.Length == 0)
            stem = "workspace";
        stem = stem.Length > 60 ? stem[..60] : stem;
        var slug = stem;
        for (var i = 2; await db.Workspaces.AnyAsync(w => w.Slug == slug, ct); i++)
            slug = $"{stem}-{i}";
        return slug;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

public enum InvitationState { Open, Used, Expired, Revoked }

public sealed record PendingInvitation(Guid Id, string Email, WorkspaceRole Role, string? InvitedBy, DateTime SentAt, DateTime ExpiresAt);

public sealed record InvitationPreview(Guid WorkspaceId, string WorkspaceName, string Email, WorkspaceRole Role, DateTime ExpiresAt, InvitationState State);

public sealed record Membership(Guid WorkspaceId, string Name, string Slug, WorkspaceRole Role);

/// <summary>The current workspace, the caller's role in it, and how many members and owners it has.</summary>
public sealed record WorkspaceDetails(Guid Id, string Name, string Slug, DateTime CreatedAt, WorkspaceRole Role, int Members, int Owners);

public sealed record MemberView(Guid UserId, string Email, string? DisplayName, WorkspaceRole Role, DateTime JoinedAt);
