using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Audit;

/// <summary>Writes security-relevant events. Callers pass names and ids, never secrets.</summary>
public sealed class AuditLog(GrapevineDb db, CurrentWorkspace current, TimeProvider time)
{
    public static class Actions
    {
        public const string SignIn = "sign_in";
        public const string SignInFailed = "sign_in_failed";
        public const string SignOut = "sign_out";
        public const string LockedOut = "locked_out";
        public const string PasswordReset = "password_reset";
        public const string MemberInvited = "member_invited";
        public const string InvitationRevoked = "invitation_revoked";
        public const string MemberJoined = "member_joined";
        public const string MemberRoleChanged = "member_role_changed";
        public const string MemberRemoved = "member_removed";
        public const string MemberLeft = "member_left";
        public const string ApiKeyCreated = "api_key_created";
        public const string ApiKeyRevoked = "api_key_revoked";
        public const string Export = "export";
        public const string WorkspaceCreated = "workspace_created";
        public const string WorkspaceRenamed = "workspace_renamed";
    }

    /// <summary>Adds an entry for the current workspace; it is saved with the caller's next SaveChanges.</summary>
    public void Add(string action, string? target = null, string? detail = null, string? ipAddress = null) =>
        AddTo(current.Id ?? throw new InvalidOperationException("No current workspace to audit."), action, target, detail, ipAddress, current.UserId, current.ActorName);

    /// <summary>Adds an entry for a given workspace (events before a workspace is entered, such as sign-in).</summary>
    public void AddTo(Guid workspaceId, string action, string? target, string? detail, string? ipAddress, Guid? actorUserId, string? actorName) =>
        db.AuditEntries.Add(new AuditEntry
        {
            WorkspaceId = workspaceId,
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            At = time.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            ActorName = actorName,
            Action = action,
            Target = target,
            Detail = detail,
            IpAddress = ipAddress,
        });

    /// <summary>
    /// The current workspace's entries, newest first, older than <paramref name="before"/>. A page
    /// never ends between entries of the same instant, so the next page can start strictly before it.
    /// </summary>
    public Task<AuditPage> ListAsync(int limit, DateTime? before, CancellationToken ct) => ListAsync(AuditFilter.All, limit, before, ct);

    /// <summary>As <see cref="ListAsync(int, DateTime?, CancellationToken)"/>, of the entries the filter matches.</summary>
    public async Task<AuditPage> ListAsync(AuditFilter filter, int limit, DateTime? before, CancellationToken ct)
    {
        if (!current.Can(Permission.ViewAudit))
            throw new PermissionDeniedException(Permission.ViewAudit);
        if (limit is < 1 or > 500)
            throw new ArgumentException("limit is between 1 and 500.", nameof(limit));
        var entries = filter.Apply(db.AuditEntries.AsNoTracking());
        var page = await (before is { } b ? entries.Where(e => e.At < b) : entries)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit).ToListAsync(ct);
        if (page.Count < limit)
            return new AuditPage(page, null);
        var last = page[^1].At;
        var ties = await entries.Where(e => e.At == last).OrderByDescending(e => e.Id).ToListAsync(ct);
        return new AuditPage([.. page.Where(e => e.At != last), .. ties], last);
    }

    /// <summary>At most this many entries go into one CSV export.</summary>
    public const int MaxExported = 100_000;

    /// <summary>
    /// Writes the entries the filter matches as CSV, newest first (at most <see cref="MaxExported"/>), and audits the
    /// export itself; returns how many rows were written. Saved with the caller's next SaveChanges.
    /// </summary>
    public async Task<int> ExportAsync(AuditFilter filter, TextWriter output, CancellationToken ct)
    {
        if (!current.Can(Permission.ViewAudit))
            throw new PermissionDeniedException(Permission.ViewAudit);
        var entries = filter.Apply(db.AuditEntries.AsNoTracking()).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(MaxExported);
        var rows = await AuditCsv.WriteAsync(entries.AsAsyncEnumerable(), output, ct);
        Add(Actions.Export, "audit log", $"{rows} entries as CSV" + (filter.IsEmpty ? "" : " (filtered)"));
        return rows;
    }

    /// <summary>The actions that appear in the current workspace's log, for a filter to choose from.</summary>
    public async Task<List<string>> ActionsAsync(CancellationToken ct)
    {
        if (!current.Can(Permission.ViewAudit))
            throw new PermissionDeniedException(Permission.ViewAudit);
        return await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    /// <summary>The people who appear in the current workspace's log, by the name of their latest entry.</summary>
    public async Task<List<AuditActor>> ActorsAsync(CancellationToken ct)
    {
        if (!current.Can(Permission.ViewAudit))
            throw new PermissionDeniedException(Permission.ViewAudit);
        var named = await db.AuditEntries.AsNoTracking().Where(e => e.ActorUserId != null && e.ActorName != null)
            .GroupBy(e => new { UserId = e.ActorUserId!.Value, Name = e.ActorName! }).Select(g => new { g.Key.UserId, g.Key.Name, At = g.Max(e => e.At) })
            .ToListAsync(ct);
        var actors = named.GroupBy(n => n.UserId).Select(g => new AuditActor(g.Key, g.MaxBy(n => n.At)!.Name));
        return [.. actors.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
    }
}

/// <summary>Someone who appears in the audit log, by the name they last had there.</summary>
public sealed record AuditActor(Guid UserId, string Name);

/// <summary>A page of the audit log; pass <see cref="Before"/> back to read older entries (null at the end).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, DateTime? Before);
