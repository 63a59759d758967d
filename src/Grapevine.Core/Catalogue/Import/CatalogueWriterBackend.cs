using System.Data.Common;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>One provider's fast path for <see cref="CatalogueBulkWriter"/>.</summary>
internal abstract class CatalogueWriterBackend(GrapevineDb db, AccountIdCache accounts)
{
    protected GrapevineDb Db => db;
    protected AccountIdCache Accounts => accounts;

    public long Inserted { get; protected set; }
    public long Updated { get; protected set; }

    protected DbTransaction Transaction =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException(
            "The catalogue bulk writer writes inside the caller's transaction: call db.Database.BeginTransactionAsync first.");

    /// <summary>Looks up the ids of these accounts in one go and adds those found to the cache.</summary>
    public abstract Task ResolveAsync(IReadOnlyCollection<AccountKey> keys, CancellationToken ct);

    public abstract Task<HashSet<long>> UpsertAccountsAsync(IReadOnlyList<AccountRow> rows, DateTime now, CancellationToken ct);

    public abstract Task<HashSet<long>> UpsertAsync<TRow>(KeyedTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken ct);

    public static CatalogueWriterBackend Create(GrapevineDb db, AccountIdCache accounts) =>
        db.Provider == DatabaseProvider.Postgres ? new PostgresCatalogueWriter(db, accounts) : new SqliteCatalogueWriter(db, accounts);
}
