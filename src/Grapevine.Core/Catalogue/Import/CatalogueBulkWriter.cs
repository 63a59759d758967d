using Grapevine.Core.Data;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Upserts validated rows in bulk inside the caller's open transaction on <paramref name="db"/>
/// (SQLite: batched prepared statements; PostgreSQL: binary COPY into a staging table, then
/// INSERT ... ON CONFLICT). Each method returns the ids of the accounts it touched: those with a row
/// inserted or changed, so that unchanged data triggers no metric recompute.
/// </summary>
/// <remarks>
/// An empty (null) value never overwrites a stored one, so a partial file cannot wipe data; a row
/// whose values all equal the stored ones is left alone (accounts keep their updated_at). Rows of
/// one call must have distinct keys. Posts, snapshots, followers and comments must refer to
/// accounts that exist (or were upserted earlier by this writer). Handles must already be
/// normalised (<see cref="CatalogueNames.NormalizeHandle"/>), as the import parser does. Account ids are cached for the writer's lifetime,
/// so use one writer per transaction.
/// </remarks>
public sealed class CatalogueBulkWriter(GrapevineDb db, TimeProvider time)
{
    private CatalogueWriterBackend? _backend;

    internal AccountIdCache Accounts { get; } = new();

    /// <summary>Rows inserted so far by this writer (all tables).</summary>
    public long Inserted => _backend?.Inserted ?? 0;

    /// <summary>Existing rows whose values changed so far by this writer (all tables).</summary>
    public long Updated => _backend?.Updated ?? 0;

    private CatalogueWriterBackend Backend => _backend ??= CatalogueWriterBackend.Create(db, Accounts);

    /// <summary>Inserts new accounts (each with a new creator named by its display name or handle) and updates known ones.</summary>
    public async Task<IReadOnlyCollection<long>> UpsertAccountsAsync(IReadOnlyList<AccountRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];
        await ResolveAccountsAsync(rows.Select(r => new AccountKey(r.Platform, r.Handle)), ct);
        Accounts.ForgetMissing();
        return await Backend.UpsertAccountsAsync(rows, time.GetUtcNow().UtcDateTime, ct);
    }

    public Task<IReadOnlyCollection<long>> UpsertPostsAsync(IReadOnlyList<PostRow> rows, CancellationToken ct) =>
        UpsertAsync(CatalogueTables.Posts, rows, ct);

    public Task<IReadOnlyCollection<long>> UpsertSnapshotsAsync(IReadOnlyList<SnapshotRow> rows, CancellationToken ct) =>
        UpsertAsync(CatalogueTables.Snapshots, rows, ct);

    public Task<IReadOnlyCollection<long>> UpsertFollowersAsync(IReadOnlyList<FollowerRow> rows, CancellationToken ct) =>
        UpsertAsync(CatalogueTables.Followers, rows, ct);

    public Task<IReadOnlyCollection<long>> UpsertCommentsAsync(IReadOnlyList<CommentRow> rows, CancellationToken ct) =>
        UpsertAsync(CatalogueTables.Comments, rows, ct);

    /// <summary>Finds the ids of the accounts not cached yet, in bulk; those still unknown are remembered as missing.</summary>
    internal async Task ResolveAccountsAsync(IEnumerable<AccountKey> keys, CancellationToken ct)
    {
        var unknown = new HashSet<AccountKey>();
        foreach (var key in keys)
        {
            if (!Accounts.TryGet(key, out _) && !Accounts.IsKnownMissing(key))
                unknown.Add(key);
        }
        if (unknown.Count == 0)
            return;
        await Backend.ResolveAsync(unknown, ct);
        foreach (var key in unknown)
        {
            if (!Accounts.TryGet(key, out _))
                Accounts.AddMissing(key);
        }
    }

    private async Task<IReadOnlyCollection<long>> UpsertAsync<TRow>(KeyedTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return [];
        await ResolveAccountsAsync(rows.Select(table.AccountOf), ct);
        return await Backend.UpsertAsync(table, rows, ct);
    }
}
