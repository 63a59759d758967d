using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Grapevine.Core.Discovery.Engine;

/// <summary>
/// Reads search profiles for the index: all of them in one snapshot (profiles in account order, then their niche
/// scores, then their terms, each table streamed once), or the profiles of some accounts for an update.
/// </summary>
internal static class IndexReader
{
    private const string ProfileColumns =
        "account_id, platform, tier, followers, country, language, is_verified, has_email, primary_niche, engagement_rate, " +
        "engagement_percentile, audience_quality, expected_engagements, price_estimate, last_posted_at, sponsored_share, growth, " +
        "safety_score, updated_at, words";

    /// <summary>
    /// What a read delivers: <see cref="Begin"/> first, then each profile (with its words) on one thread while each
    /// niche score and each term arrive on another.
    /// </summary>
    public interface ISink
    {
        void Begin(int profiles, int niches);
        void Profile(in IndexRow row, string words);
        void Niche(long accountId, string niche, int score);
        void Term(long accountId, ReadOnlySpan<char> term, long lastUsedAt);
    }

    /// <summary>
    /// Reads every profile on the context's connection and, at the same time, every niche score and term on a second
    /// connection: two streams, one per core. On PostgreSQL the second transaction imports the first one's snapshot,
    /// so both see the same database; on SQLite (WAL) each starts its own read transaction a moment apart, and a
    /// profile rewritten in between is read again by the refresh after the build (its updated_at moved).
    /// </summary>
    public static async Task ReadAllAsync(GrapevineDb db, ISink sink, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ReadAllAsync(db.Database.GetDbConnection(), db.Provider == DatabaseProvider.Postgres, db.Database.GetConnectionString()!, sink, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ReadAllAsync(DbConnection connection, bool postgres, string connectionString, ISink sink, CancellationToken ct)
    {
        await using var transaction = await BeginSnapshotAsync(connection, ct);
        string? snapshot = null;
        await using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = "SELECT (SELECT COUNT(*) FROM search_profiles), (SELECT COUNT(DISTINCT niche) FROM search_profile_niches)" +
                (postgres ? ", pg_export_snapshot()" : "");
            await using var r = await head.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            sink.Begin(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
            snapshot = postgres ? r.GetString(2) : null;
        }

        await using var second = postgres ? (DbConnection)new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await second.OpenAsync(ct);
        await using var secondTransaction = await BeginSnapshotAsync(second, ct);
        if (snapshot is not null)
        {
            await using var import = second.CreateCommand();
            import.Transaction = secondTransaction;
            import.CommandText = $"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'";
            await import.ExecuteNonQueryAsync(ct);
        }
        var details = Task.Run(() => ReadDetailsAsync(second, secondTransaction, sink, ct), ct);
        try
        {
            const string query = $"SELECT {ProfileColumns} FROM search_profiles ORDER BY account_id";
            if (connection is SqliteConnection sqlite)
            {
                ReadSqliteProfiles(sqlite, query, sink, ct);
            }
            else
            {
                await using var profiles = connection.CreateCommand();
                profiles.Transaction = transaction;
                profiles.CommandText = query;
                await using var r = await profiles.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
                await ReadProfilesAsync(r, sink, ct);
            }
        }
        finally
        {
            await details;
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>A read-only transaction that sees one state of the database (SQLite: deferred, so it takes no write lock).</summary>
    private static async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken ct) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true)
            : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

    public static async Task ReadAccountsAsync(GrapevineDb db, IReadOnlyCollection<long> accountIds, ISink sink, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
            await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var ids = db.Provider == DatabaseProvider.Postgres ? "ANY(@ids)" : "(SELECT value FROM json_each(@ids))";
            var match = db.Provider == DatabaseProvider.Postgres ? $"= {ids}" : $"IN {ids}";
            command.CommandText = $"""
                SELECT (SELECT COUNT(*) FROM search_profiles WHERE account_id {match}), 0;
                SELECT {ProfileColumns} FROM search_profiles WHERE account_id {match} ORDER BY account_id;
                SELECT account_id, niche, score FROM search_profile_niches WHERE account_id {match};
                SELECT account_id, term, last_used_at FROM search_profile_terms WHERE account_id {match};
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@ids";
            parameter.Value = db.Provider == DatabaseProvider.Postgres ? accountIds.ToArray() : JsonSerializer.Serialize(accountIds);
            command.Parameters.Add(parameter);
            await ReadAsync(command, sink, ct);
        }
        finally
        {
            if (opened)
                await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task ReadAsync(DbCommand command, ISink sink, CancellationToken ct)
    {
        await using var r = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        await r.ReadAsync(ct);
        sink.Begin(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
        await r.NextResultAsync(ct);
        await ReadProfilesAsync(r, sink, ct);
        await r.NextResultAsync(ct);
        await ReadNichesAsync(r, sink, ct);
        await r.NextResultAsync(ct);
        await ReadTermsAsync(r, sink, ct);
    }

    private const string TermsQuery = "SELECT account_id, term, last_used_at FROM search_profile_terms";

    private static async Task ReadDetailsAsync(DbConnection connection, DbTransaction transaction, ISink sink, CancellationToken ct)
    {
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT account_id, niche, score FROM search_profile_niches" + (connection is SqliteConnection ? "" : ";\n" + TermsQuery);
            await using var r = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            await ReadNichesAsync(r, sink, ct);
            if (connection is not SqliteConnection)
            {
                await r.NextResultAsync(ct);
                await ReadTermsAsync(r, sink, ct);
                return;
            }
        }
        ReadSqliteTerms((SqliteConnection)connection, sink, ct);
    }

    // The largest table (about twenty rows an account), read with the raw statement API: the ADO.NET layer's
    // per-value calls cost more than SQLite's own work here, and the term goes to the sink without a string.
    private static void ReadSqliteTerms(SqliteConnection connection, ISink sink, CancellationToken ct)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, TermsQuery, out var statement));
        using (statement)
        {
            Span<char> buffer = stackalloc char[256];
            int rc;
            var rows = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (++rows % 65_536 == 0)
                    ct.ThrowIfCancellationRequested();
                // A text column read as a blob is its UTF-8 bytes.
                var utf8 = raw.sqlite3_column_blob(statement, 1);
                var text = utf8.Length <= buffer.Length
                    ? buffer[..Encoding.UTF8.GetChars(utf8, buffer)]
                    : Encoding.UTF8.GetString(utf8).AsSpan();
                sink.Term(raw.sqlite3_column_int64(statement, 0), text, raw.sqlite3_column_int64(statement, 2));
            }
            if (rc != raw.SQLITE_DONE)
                Check(db, rc);
        }
    }

    private static void ReadSqliteProfiles(SqliteConnection connection, string query, ISink sink, CancellationToken ct)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, query, out var s));
        using (s)
        {
            int rc;
            var rows = 0;
            while ((rc = raw.sqlite3_step(s)) == raw.SQLITE_ROW)
            {
                if (++rows % 65_536 == 0)
                    ct.ThrowIfCancellationRequested();
                var accountId = raw.sqlite3_column_int64(s, 0);
                var platformName = RawText(s, 1);
                if (!CatalogueNames.TryParsePlatform(platformName, out var platform))
                    throw new InvalidDataException($"search profile {accountId} has an unknown platform '{platformName}'");
                var row = new IndexRow(
                    accountId, platform, RawText(s, 2), RawLong(s, 3), RawText(s, 4), RawText(s, 5), RawLong(s, 6) is { } v ? v != 0 : null,
                    raw.sqlite3_column_int64(s, 7) != 0, RawText(s, 8), RawReal(s, 9), RawReal(s, 10), RawReal(s, 11), RawReal(s, 12),
                    RawReal(s, 13), RawLong(s, 14), RawReal(s, 15), RawReal(s, 16), RawReal(s, 17), SqliteTicks(RawText(s, 18) ?? ""));
                sink.Profile(row, Encoding.UTF8.GetString(raw.sqlite3_column_blob(s, 19)));
            }
            if (rc != raw.SQLITE_DONE)
                Check(db, rc);
        }
    }

    private static string? RawText(sqlite3_stmt s, int i) =>
        raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(s, i));

    private static long? RawLong(sqlite3_stmt s, int i) =>
        raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(s, i);

    private static double? RawReal(sqlite3_stmt s, int i) =>
        raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(s, i);

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
            SqliteException.ThrowExceptionForRC(rc, db);
    }

    private static async Task ReadProfilesAsync(DbDataReader r, ISink sink, CancellationToken ct)
    {
        while (await r.ReadAsync(ct))
        {
            // Sequential access: every column in order.
            var accountId = r.GetInt64(0);
            var platformName = r.GetString(1);
            if (!CatalogueNames.TryParsePlatform(platformName, out var platform))
                throw new InvalidDataException($"search profile {accountId} has an unknown platform '{platformName}'");
            var row = new IndexRow(
                accountId, platform, Text(r, 2), Long(r, 3), Text(r, 4), Text(r, 5), Bool(r, 6), r.GetBoolean(7), Text(r, 8),
                Real(r, 9), Real(r, 10), Real(r, 11), Real(r, 12), Real(r, 13), Long(r, 14), Real(r, 15), Real(r, 16), Real(r, 17),
                r is SqliteDataReader ? SqliteTicks(r.GetString(18)) : r.GetDateTime(18).Ticks);
            sink.Profile(row, r.GetString(19));
        }
    }

    private static async Task ReadNichesAsync(DbDataReader r, ISink sink, CancellationToken ct)
    {
        while (await r.ReadAsync(ct))
            sink.Niche(r.GetInt64(0), r.GetString(1), r.GetInt32(2));
    }

    private static async Task ReadTermsAsync(DbDataReader r, ISink sink, CancellationToken ct)
    {
        while (await r.ReadAsync(ct))
            sink.Term(r.GetInt64(0), r.GetString(1).AsSpan(), r.GetInt64(2));
    }

    /// <summary>EF Core's SQLite text for a DateTime, 'yyyy-MM-dd HH:mm:ss.FFFFFFF', read without the general parser.</summary>
    internal static long SqliteTicks(string text)
    {
        var s = text.AsSpan();
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':')
            return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;
        var ticks = new DateTime(Digits(s[..4]), Digits(s[5..7]), Digits(s[8..10]), Digits(s[11..13]), Digits(s[14..16]), Digits(s[17..19]),
            DateTimeKind.Utc).Ticks;
        if (s.Length > 20 && s[19] == '.')
        {
            var fraction = s[20..];
            var value = Digits(fraction);
            for (var i = fraction.Length; i < 7; i++)
                value *= 10;
            ticks += value;
        }
        return ticks;
    }

    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
                throw new FormatException($"'{digits}' is not a number");
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static IndexRow RowOf(SearchProfile p) => new(
        p.AccountId, p.Platform, p.Tier, p.Followers, p.Country, p.Language, p.IsVerified, p.HasEmail, p.PrimaryNiche,
        p.EngagementRate, p.EngagementPercentile, p.AudienceQuality, p.ExpectedEngagements, p.PriceEstimate, p.LastPostedAt,
        p.SponsoredShare, p.Growth, p.SafetyScore, DateTime.SpecifyKind(p.UpdatedAt, DateTimeKind.Utc).Ticks);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Long(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);

    private static double? Real(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static bool? Bool(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetBoolean(i);
}
