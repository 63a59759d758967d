using System.Globalization;
using System.Text.RegularExpressions;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Notes;

/// <summary>The current workspace's private notes and tags on catalogue accounts.</summary>
public sealed partial class NoteService(GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time)
{
    public static class AuditActions
    {
        public const string NoteDeleted = "note_deleted";
    }

    public async Task<AccountAnnotations> ForAccountAsync(long accountId, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        var notes = await db.AccountNotes.Where(n => n.AccountId == accountId)
            .OrderByDescending(n => n.CreatedAt)
            .GroupJoin(db.Users, n => n.AuthorId, u => u.Id, (n, u) => new { n, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new NoteView(x.n.Id, x.n.Text, u == null ? null : u.Email, x.n.CreatedAt, x.n.AuthorId))
            .ToListAsync(ct);
        var tags = await db.AccountTags.Where(t => t.AccountId == accountId).OrderBy(t => t.Tag).Select(t => t.Tag).ToListAsync(ct);
        return new AccountAnnotations(accountId, notes, tags);
    }

    public async Task<AccountNote> AddNoteAsync(long accountId, string text, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        text = text.Trim();
        if (text.Length is 0 or > 4000)
            throw new ArgumentException("A note has 1 to 4,000 characters.", nameof(text));
        await RequireAccountAsync(accountId, ct);
        var note = new AccountNote
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            AccountId = accountId,
            Text = text,
            AuthorId = current.UserId ?? Guid.Empty,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.AccountNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return note;
    }

    public async Task DeleteNoteAsync(Guid noteId, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var note = await db.AccountNotes.SingleOrDefaultAsync(n => n.Id == noteId, ct) ?? throw new KeyNotFoundException("No such note.");
        if (!CanDelete(note.AuthorId))
            throw new NoteDeletionRefusedException();
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == note.AccountId)
            .Select(a => new { a.Platform, a.Handle }).SingleOrDefaultAsync(ct);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == note.AuthorId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        db.AccountNotes.Remove(note);
        audit.Add(AuditActions.NoteDeleted,
            account is null ? $"account {note.AccountId}" : $"{account.Platform.Name()} @{account.Handle}",
            string.Create(CultureInfo.InvariantCulture, $"note by {author ?? "a former member"} of {note.CreatedAt:yyyy-MM-dd}: {Excerpt(note.Text)}"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Notes are a team's memory: their author may delete them, and Admins and Owners may (a key acts at most as a
    /// Member, so only for its creator's own notes).
    /// </summary>
    public bool CanDelete(Guid authorId) =>
        current.Can(Permission.WriteWorkspaceData)
        && ((current.UserId is { } me && me == authorId) || current.Role is WorkspaceRole.Admin or WorkspaceRole.Owner);

    private static string Excerpt(string text) => text.Length > 80 ? text[..80] + "…" : text;

    public async Task AddTagAsync(long accountId, string tag, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        tag = NormalizeTag(tag);
        await RequireAccountAsync(accountId, ct);
        if (await db.AccountTags.AnyAsync(t => t.AccountId == accountId && t.Tag == tag, ct))
            return;
        db.AccountTags.Add(new AccountTag { AccountId = accountId, Tag = tag, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveTagAsync(long accountId, string tag, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        tag = NormalizeTag(tag);
        var row = await db.AccountTags.SingleOrDefaultAsync(t => t.AccountId == accountId && t.Tag == tag, ct)
            ?? throw new KeyNotFoundException($"The account has no tag '{tag}'.");
        db.AccountTags.Remove(row);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Tags are lower case words joined by '-', at most 50 characters.</summary>
    public static string NormalizeTag(string tag)
    {
        var normalized = TagSeparators().Replace(tag.Trim().TrimStart('#').ToLowerInvariant(), "-").Trim('-');
        if (normalized.Length is 0 or > 50)
            throw new ArgumentException("A tag has 1 to 50 letters, digits or dashes.", nameof(tag));
        return normalized;
    }

    private async Task RequireAccountAsync(long accountId, CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
            throw new KeyNotFoundException($"No account with id {accountId}.");
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex TagSeparators();
}

/// <summary>A note as shown; <c>AuthorId</c> is the author's user id (the same for their API keys), to tell whose note it is.</summary>
public sealed record NoteView(Guid Id, string Text, string? Author, DateTime CreatedAt, Guid AuthorId);

public sealed record AccountAnnotations(long AccountId, IReadOnlyList<NoteView> Notes, IReadOnlyList<string> Tags);
