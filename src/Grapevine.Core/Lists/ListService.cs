using System.Globalization;
using CsvHelper;
using Grapevine.Core.Audit;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Grapevine.Core.Metrics;
using Grapevine.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Core.Lists;

/// <summary>Saved creator lists of the current workspace.</summary>
public sealed class ListService(GrapevineDb db, CurrentWorkspace current, AuditLog audit, TimeProvider time)
{
    public async Task<List<ListSummary>> ListAsync(CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        return await db.CreatorLists.OrderBy(l => l.Name)
            .Select(l => new ListSummary(l.Id, l.Name, l.Items.Count, l.CreatedAt))
            .ToListAsync(ct);
    }

    /// <summary>The lists an account is on, for its page.</summary>
    public async Task<List<ListSummary>> ListsWithAsync(long accountId, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        return await db.CreatorLists.Where(l => l.Items.Any(i => i.AccountId == accountId)).OrderBy(l => l.Name)
            .Select(l => new ListSummary(l.Id, l.Name, l.Items.Count, l.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<ListDetails> GetAsync(Guid id, CancellationToken ct)
    {
        current.Require(Permission.ReadWorkspaceData);
        var list = await db.CreatorLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw NotFound();
        var items = await db.CreatorListItems.Where(i => i.ListId == id)
            .Join(db.Accounts, i => i.AccountId, a => a.Id, (i, a) => new { i.AddedAt, a })
            .OrderBy(x => x.a.Handle)
            .Select(x => new ListItemView(
                x.a.Id, x.a.Platform.Name(), x.a.Handle, x.a.DisplayName, x.a.Followers, x.a.Tier, x.a.Country,
                db.AccountMetrics.Where(m => m.AccountId == x.a.Id && m.Name == "er_followers").Select(m => m.Value).FirstOrDefault(),
                x.AddedAt, x.a.Language, x.a.Category, x.a.Email, x.a.ExternalUrl))
            .ToListAsync(ct);
        return new ListDetails(list.Id, list.Name, list.CreatedAt, items);
    }

    public async Task<CreatorList> CreateAsync(string name, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        name = ValidName(name);
        await RequireUniqueNameAsync(name, null, ct);
        var list = new CreatorList
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Name = name,
            CreatedBy = current.UserId ?? Guid.Empty,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.CreatorLists.Add(list);
        await db.SaveChangesAsync(ct);
        return list;
    }

    public async Task RenameAsync(Guid id, string name, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var list = await db.CreatorLists.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw NotFound();
        name = ValidName(name);
        await RequireUniqueNameAsync(name, id, ct);
        list.Name = name;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Creates a list holding the named accounts, all or nothing: an unknown account (or a refused name) leaves no
    /// empty list behind to be made again on the retry.
    /// </summary>
    public async Task<(CreatorList List, int Added)> CreateWithAccountsAsync(string name, IReadOnlyList<AccountRef> accounts, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        if (accounts.Count is 0 or > 1000)
            throw new ArgumentException("Name 1 to 1,000 accounts to add.", nameof(accounts));
        var ids = await ResolveAsync(accounts, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var list = await CreateAsync(name, ct);
        var added = await AddAsync(list.Id, ids, ct);
        await transaction.CommitAsync(ct);
        return (list, added);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var list = await db.CreatorLists.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw NotFound();
        db.CreatorLists.Remove(list);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds accounts (by id) that are not yet on the list; returns how many were added.</summary>
    public async Task<int> AddAsync(Guid id, IReadOnlyCollection<long> accountIds, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        if (!await db.CreatorLists.AnyAsync(l => l.Id == id, ct))
            throw NotFound();
        var known = await db.Accounts.Where(a => accountIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var missing = accountIds.Except(known).ToList();
        if (missing.Count > 0)
            throw new KeyNotFoundException($"No account with id {string.Join(", ", missing)}.");
        var present = await db.CreatorListItems.Where(i => i.ListId == id && accountIds.Contains(i.AccountId)).Select(i => i.AccountId).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var added = known.Except(present).Distinct().ToList();
        db.CreatorListItems.AddRange(added.Select(a => new CreatorListItem { ListId = id, AccountId = a, AddedAt = now }));
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    /// <summary>Adds accounts named by platform and handle; an unknown one is refused with its position, and nothing is added.</summary>
    public async Task<int> AddAccountsAsync(Guid id, IReadOnlyList<AccountRef> accounts, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        if (accounts.Count is 0 or > 1000)
            throw new ArgumentException("Name 1 to 1,000 accounts to add.", nameof(accounts));
        if (!await db.CreatorLists.AnyAsync(l => l.Id == id, ct))
            throw NotFound();
        var ids = await ResolveAsync(accounts, ct);
        return await AddAsync(id, ids, ct);
    }

    public async Task RemoveAccountAsync(Guid id, AccountRef account, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var handle = CatalogueNames.NormalizeHandle(account.Handle);
        var accountId = await db.Accounts.Where(a => a.Platform == account.Platform && a.Handle == handle).Select(a => (long?)a.Id).SingleOrDefaultAsync(ct)
            ?? throw new KeyNotFoundException($"The catalogue has no {account.Platform.Name()} account '{handle}'.");
        if (!await db.CreatorLists.AnyAsync(l => l.Id == id, ct))
            throw NotFound();
        await RemoveAsync(id, accountId, ct);
    }

    private async Task<List<long>> ResolveAsync(IReadOnlyList<AccountRef> accounts, CancellationToken ct)
    {
        var handles = accounts.Select(a => CatalogueNames.NormalizeHandle(a.Handle)).Distinct().ToList();
        var found = await db.Accounts.Where(a => handles.Contains(a.Handle)).Select(a => new { a.Id, a.Platform, a.Handle }).ToListAsync(ct);
        var ids = new List<long>(accounts.Count);
        for (var i = 0; i < accounts.Count; i++)
        {
            var (platform, handle) = (accounts[i].Platform, CatalogueNames.NormalizeHandle(accounts[i].Handle));
            var match = found.FirstOrDefault(a => a.Platform == platform && a.Handle == handle)
                ?? throw new ArgumentException($"accounts[{i}]: the catalogue has no {platform.Name()} account '{handle}'.", nameof(accounts));
            ids.Add(match.Id);
        }
        return ids;
    }

    public async Task RemoveAsync(Guid id, long accountId, CancellationToken ct)
    {
        current.Require(Permission.WriteWorkspaceData);
        var item = await db.CreatorListItems.SingleOrDefaultAsync(i => i.ListId == id && i.AccountId == accountId, ct)
            ?? throw new KeyNotFoundException("That account is not on this list.");
        db.CreatorListItems.Remove(item);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Writes the list as CSV (one row per account) and audits the export.</summary>
    public async Task ExportCsvAsync(Guid id, TextWriter output, CancellationToken ct)
    {
        current.Require(Permission.ExportData);
        var list = await GetAsync(id, ct);
        await using (var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true))
        {
            // The value is already a percentage (0.3976 means 0.40 %): the header says so, for spreadsheets that would scale it again.
            // The contact columns come last, so the earlier ones keep their places for whoever reads them by position.
            csv.WriteRecord(
            [
                "platform", "handle", "display_name", "followers", "tier", "country", MetricDefinitions.ErByFollowers.Name + "_pct", "added_at",
                "language", "category", "email", "external_url",
            ]);
            foreach (var item in list.Items)
            {
                csv.WriteRecord(
                [
                    item.Platform, SpreadsheetText.Cell(item.Handle), SpreadsheetText.Cell(item.DisplayName), item.Followers?.ToString(CultureInfo.InvariantCulture) ?? "",
                    item.Tier ?? "", item.Country ?? "", item.ErFollowers?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
                    item.AddedAt.ToString("O", CultureInfo.InvariantCulture),
                    item.Language ?? "", SpreadsheetText.Cell(item.Category), SpreadsheetText.Cell(item.Email), SpreadsheetText.Cell(item.ExternalUrl),
                ]);
            }
            await csv.FlushAsync(ct);
        }
        audit.Add(AuditLog.Actions.Export, $"list '{list.Name}'", $"{list.Items.Count} accounts as CSV");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Two lists of one name cannot be told apart in the pickers; names differing only in case count as the same.</summary>
    private async Task RequireUniqueNameAsync(string name, Guid? renamed, CancellationToken ct)
    {
        var lists = renamed is { } id ? db.CreatorLists.Where(l => l.Id != id) : db.CreatorLists;
        var names = await lists.Select(l => l.Name).ToListAsync(ct);
        if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"This workspace already has a list named “{name}”: choose another name, or add to that list.", nameof(name));
    }

    private static string ValidName(string name)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
            throw new ArgumentException("A list name has 1 to 200 characters.", nameof(name));
        return name;
    }

    private static KeyNotFoundException NotFound() => new("No such list.");
}

/// <summary>A catalogue account named the way people name it: platform and handle.</summary>
public sealed record AccountRef(Platform Platform, string Handle);

public sealed record ListSummary(Guid Id, string Name, int Accounts, DateTime CreatedAt);

public sealed record ListDetails(Guid Id, string Name, DateTime CreatedAt, IReadOnlyList<ListItemView> Items);

public sealed record ListItemView(
    long AccountId, string Platform, string Handle, string? DisplayName, long? Followers, string? Tier, string? Country, double? ErFollowers, DateTime AddedAt,
    string? Language, string? Category, string? Email, string? ExternalUrl);
