using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// SQLite: prepared statements bound by position on the connection's handle. Profiles go through a temp staging table
/// and one INSERT … SELECT per chunk: the FTS5 triggers on search_profiles then run inside one statement, where row by
/// row each statement's savepoint made FTS5 flush its pending index data (70 µs a row instead of 5).
/// </summary>
internal sealed class SqliteSearchProfileWriter(DbTransaction transaction) : SearchProfileWriter(transaction)
{
    private const string Stage = "search_profiles_stage";

    private static readonly string StageSql =
        $"INSERT INTO temp.{Stage} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"?{i + 1}"))})";

    // "WHERE true" tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join in the SELECT.
    private static readonly string UpsertSql =
        $"INSERT INTO search_profiles ({string.Join(", ", Columns)}) SELECT {string.Join(", ", Columns)} FROM temp.{Stage} WHERE true " +
        $"ON CONFLICT (account_id) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c} = excluded.{c}"))} " +
        $"WHERE {string.Join(" OR ", Compared.Select(c => $"search_profiles.{c} IS NOT excluded.{c}"))}";

    private Statements? _statements;

    public override Task<int> WriteAsync(SearchProfileChanges changes, CancellationToken ct)
    {
        var db = ((SqliteConnection)Transaction.Connection!).Handle!;
        if (_statements is null)
        {
            using var create = Transaction.Connection!.CreateCommand();
            create.Transaction = Transaction;
            create.CommandText = $"CREATE TEMP TABLE IF NOT EXISTS {Stage} AS SELECT {string.Join(", ", Columns)} FROM search_profiles WHERE false; " +
                $"DELETE FROM temp.{Stage}";
            create.ExecuteNonQuery();
            _statements = new Statements(db);
        }
        var s = _statements;
        var written = 0;
        if (changes.Profiles.Count > 0)
        {
            foreach (var p in changes.Profiles)
            {
                s.Stage.Bind(1, p.AccountId).Bind(2, PlatformName(p.Platform)).Bind(3, p.Handle).Bind(4, p.DisplayName).Bind(5, p.Tier)
                    .Bind(6, p.Followers).Bind(7, p.Country).Bind(8, p.Language).Bind(9, p.IsVerified).Bind(10, p.HasEmail)
                    .Bind(11, p.PrimaryNiche).Bind(12, p.NicheConfidence).Bind(13, p.EngagementRate).Bind(14, p.EngagementPercentile)
                    .Bind(15, p.AudienceQuality).Bind(16, p.ExpectedEngagements).Bind(17, p.PriceEstimate).Bind(18, p.PriceLow)
                    .Bind(19, p.PriceHigh).Bind(20, p.LastPostedAt).Bind(21, p.SponsoredShare).Bind(22, p.Growth).Bind(23, p.SafetyScore)
                    .Bind(24, p.Words).Bind(25, p.UpdatedAt)
                    .Run();
            }
            s.Upsert.Run();
            written = SQLitePCL.raw.sqlite3_changes(db);
            s.ClearStage.Run();
        }
        ct.ThrowIfCancellationRequested();
        foreach (var (id, niche) in changes.NichesRemoved)
            s.DeleteNiche.Bind(1, id).Bind(2, niche).Run();
        foreach (var n in changes.NichesAdded)
            s.InsertNiche.Bind(1, n.AccountId).Bind(2, n.Niche).Bind(3, n.Score).Run();
        foreach (var n in changes.NichesChanged)
            s.UpdateNiche.Bind(1, n.AccountId).Bind(2, n.Niche).Bind(3, n.Score).Run();
        foreach (var (id, term) in changes.TermsRemoved)
            s.DeleteTerm.Bind(1, id).Bind(2, term).Run();
        foreach (var t in changes.TermsAdded)
            s.InsertTerm.Bind(1, t.AccountId).Bind(2, t.Term).Bind(3, t.LastUsedAt).Bind(4, t.Uses).Run();
        foreach (var t in changes.TermsChanged)
            s.UpdateTerm.Bind(1, t.AccountId).Bind(2, t.Term).Bind(3, t.LastUsedAt).Bind(4, t.Uses).Run();
        return Task.FromResult(written);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_statements is null)
            return;
        _statements.Dispose();
        await using var drop = Transaction.Connection!.CreateCommand();
        drop.Transaction = Transaction;
        drop.CommandText = $"DROP TABLE IF EXISTS temp.{Stage}";
        await drop.ExecuteNonQueryAsync();
    }

    private sealed class Statements(SQLitePCL.sqlite3 db) : IDisposable
    {
        public SqliteProfileRows.Statement Stage { get; } = new(db, StageSql);
        public SqliteProfileRows.Statement Upsert { get; } = new(db, UpsertSql);
        public SqliteProfileRows.Statement ClearStage { get; } = new(db, $"DELETE FROM temp.{SqliteSearchProfileWriter.Stage}");
        public SqliteProfileRows.Statement DeleteNiche { get; } = new(db, "DELETE FROM search_profile_niches WHERE account_id = ?1 AND niche = ?2");
        public SqliteProfileRows.Statement InsertNiche { get; } = new(db, "INSERT INTO search_profile_niches (account_id, niche, score) VALUES (?1, ?2, ?3)");
        public SqliteProfileRows.Statement UpdateNiche { get; } = new(db, "UPDATE search_profile_niches SET score = ?3 WHERE account_id = ?1 AND niche = ?2");
        public SqliteProfileRows.Statement DeleteTerm { get; } = new(db, "DELETE FROM search_profile_terms WHERE account_id = ?1 AND term = ?2");
        public SqliteProfileRows.Statement InsertTerm { get; } = new(db,
            "INSERT INTO search_profile_terms (account_id, term, last_used_at, uses) VALUES (?1, ?2, ?3, ?4)");
        public SqliteProfileRows.Statement UpdateTerm { get; } = new(db,
            "UPDATE search_profile_terms SET last_used_at = ?3, uses = ?4 WHERE account_id = ?1 AND term = ?2");

        public void Dispose()
        {
            Stage.Dispose();
            Upsert.Dispose();
            ClearStage.Dispose();
            DeleteNiche.Dispose();
            InsertNiche.Dispose();
            UpdateNiche.Dispose();
            DeleteTerm.Dispose();
            InsertTerm.Dispose();
            UpdateTerm.Dispose();
        }
    }
}
