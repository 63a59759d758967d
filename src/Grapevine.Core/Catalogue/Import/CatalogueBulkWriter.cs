using Grapevine.Core.Data;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// Upserts validated rows in bulk inside the caller's open transaction on <paramref name="db"/>
/// (SQLite: batched prepared statements; PostgreSQL: binary COPY into a staging table, then
/// INSERT ... ON CONFLICT). Each method returns the ids of the accounts it touched.
/// </summary>
public sealed class CatalogueBulkWriter(GrapevineDb db, TimeProvider time)
{
    public Task<IReadOnlyCollection<long>> UpsertAccountsAsync(IReadOnlyList<AccountRow> rows, CancellationToken ct) =>
        throw new NotImplementedException($"{db.Provider} {time}");

    public Task<IReadOnlyCollection<long>> UpsertPostsAsync(IReadOnlyList<PostRow> rows, CancellationToken ct) =>
        throw new NotImplementedException();

    public Task<IReadOnlyCollection<long>> UpsertSnapshotsAsync(IReadOnlyList<SnapshotRow> rows, CancellationToken ct) =>
        throw new NotImplementedException();

    public Task<IReadOnlyCollection<long>> UpsertFollowersAsync(IReadOnlyList<FollowerRow> rows, CancellationToken ct) =>
        throw new NotImplementedException();

    public Task<IReadOnlyCollection<long>> UpsertCommentsAsync(IReadOnlyList<CommentRow> rows, CancellationToken ct) =>
        throw new NotImplementedException();
}
