using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grapevine.Core.Data;

/// <summary>
/// A larger SQLite page cache on the context's connection for part of a bulk operation, then the connection's own size
/// again. After an import has written its rows, the metrics recompute and the search-profile refresh read back posts
/// and profile pages the same transaction has just written; with SQLite's default 2 MB cache those pages have already
/// been evicted and come back from the WAL file one system call at a time. With 128 MB the search-profile refresh of a
/// million-post import took 5.4 s instead of 7.2 s (docs/benchmarks.md, Import). The importer enlarges it only after
/// its writes: during them (a re-import that changes nothing reads every row it compares) the larger cache measured
/// slower. The cache only grows as pages are used and shrinks back when disposed; PostgreSQL keeps its own buffers.
/// </summary>
public sealed class SqliteBulkCache : IAsyncDisposable
{
    /// <summary>The page cache during a bulk operation, in mebibytes.</summary>
    public const int Mebibytes = 128;

    private readonly GrapevineDb _db;
    private readonly long _previous;
    private readonly bool _opened;

    private SqliteBulkCache(GrapevineDb db, long previous, bool opened)
    {
        _db = db;
        _previous = previous;
        _opened = opened;
    }

    /// <summary>Enlarges the cache, inside the open transaction if there is one (opening the connection if it is closed,
    /// which then stays open until disposed); null on PostgreSQL.</summary>
    public static async Task<SqliteBulkCache?> EnlargeAsync(GrapevineDb db, CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
            return null;
        var opened = db.Database.GetDbConnection().State != ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        var previous = Convert.ToInt64(await PragmaAsync(db, "PRAGMA cache_size", ct), CultureInfo.InvariantCulture);
        // A negative size is in KiB rather than pages.
        await PragmaAsync(db, $"PRAGMA cache_size = {-Mebibytes * 1024}", ct);
        return new SqliteBulkCache(db, previous, opened);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db.Database.GetDbConnection().State == ConnectionState.Open)
            await PragmaAsync(_db, $"PRAGMA cache_size = {_previous.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);
        if (_opened)
            await _db.Database.CloseConnectionAsync();
    }

    private static async Task<object?> PragmaAsync(GrapevineDb db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
