using System.Globalization;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Grapevine.Benchmarks;

/// <summary>
/// Fast bulk paths for the discovery scenario's own databases: secondary indexes, foreign keys and (SQLite) the FTS5
/// triggers are set aside, the rows go in (SQLite: prepared statements in large transactions; PostgreSQL: binary
/// COPY), and then the very same definitions the migrations made are put back (the FTS5 index rebuilt from its
/// content table, the GIN and b-tree indexes built in one pass) and the tables analysed.
/// </summary>
internal interface IDiscoveryLoader : IAsyncDisposable
{
    Task BeginAsync(CancellationToken ct);
    Task WriteAsync(SearchProfile[] profiles, CancellationToken ct);
    Task FinishAsync(CancellationToken ct);
}

internal static class DiscoveryTables
{
    public static readonly string[] Tables = ["creators", "accounts", "search_profiles", "search_profile_niches", "search_profile_terms"];
}

internal sealed class SqliteDiscoveryLoader(string connectionString) : IDiscoveryLoader
{
    private readonly SqliteConnection _connection = new(connectionString);
    private readonly List<string> _recreate = [];
    private Statement _creator = null!, _account = null!, _profile = null!, _niche = null!, _term = null!;

    public async Task BeginAsync(CancellationToken ct)
    {
        await _connection.OpenAsync(ct);
        await ExecuteAsync("PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;", ct);
        var tables = string.Join(", ", DiscoveryTables.Tables.Select(t => $"'{t}'"));
        await using (var schema = _connection.CreateCommand())
        {
            schema.CommandText = $"SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN ({tables}) AND sql IS NOT NULL";
            await using var r = await schema.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                _recreate.Add($"{r.GetString(0)}\t{r.GetString(1)}\t{r.GetString(2)}");
        }
        foreach (var item in _recreate)
        {
            var parts = item.Split('\t', 3);
            await ExecuteAsync($"DROP {parts[0].ToUpperInvariant()} {parts[1]}", ct);
        }
        var db = _connection.Handle!;
        _creator = new Statement(db, "INSERT INTO creators (id, display_name) VALUES (?, ?)");
        _account = new Statement(db,
            "INSERT INTO accounts (id, creator_id, platform, handle, display_name, followers, country, language, is_verified, tier, updated_at) " +
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        _profile = new Statement(db,
            "INSERT INTO search_profiles (account_id, platform, handle, display_name, tier, followers, country, language, is_verified, has_email, " +
            "primary_niche, niche_confidence, engagement_rate, engagement_percentile, audience_quality, expected_engagements, price_estimate, " +
            "price_low, price_high, last_posted_at, sponsored_share, growth, safety_score, words, updated_at) VALUES (" +
            string.Join(", ", Enumerable.Repeat("?", 25)) + ")");
        _niche = new Statement(db, "INSERT INTO search_profile_niches (account_id, niche, score) VALUES (?, ?, ?)");
        _term = new Statement(db, "INSERT INTO search_profile_terms (account_id, term, last_used_at, uses) VALUES (?, ?, ?, ?)");
    }

    public async Task WriteAsync(SearchProfile[] profiles, CancellationToken ct)
    {
        await ExecuteAsync("BEGIN", ct);
        foreach (var p in profiles)
        {
            _creator.Long(p.AccountId).Text(p.DisplayName ?? p.Handle).Run();
            _account.Long(p.AccountId).Long(p.AccountId).Text(p.Platform.Name()).Text(p.Handle).Text(p.DisplayName).Long(p.Followers)
                .Text(p.Country).Text(p.Language).Bool(p.IsVerified).Text(p.Tier).Time(p.UpdatedAt).Run();
            _profile.Long(p.AccountId).Text(p.Platform.Name()).Text(p.Handle).Text(p.DisplayName).Text(p.Tier).Long(p.Followers).Text(p.Country)
                .Text(p.Language).Bool(p.IsVerified).Bool(p.HasEmail).Text(p.PrimaryNiche).Real(p.NicheConfidence).Real(p.EngagementRate)
                .Real(p.EngagementPercentile).Real(p.AudienceQuality).Real(p.ExpectedEngagements).Real(p.PriceEstimate).Real(p.PriceLow)
                .Real(p.PriceHigh).Long(p.LastPostedAt).Real(p.SponsoredShare).Real(p.Growth).Real(p.SafetyScore).Text(p.Words).Time(p.UpdatedAt).Run();
            foreach (var n in p.Niches)
                _niche.Long(n.AccountId).Text(n.Niche).Long(n.Score).Run();
            foreach (var t in p.Terms)
                _term.Long(t.AccountId).Text(t.Term).Long(t.LastUsedAt).Long(t.Uses).Run();
        }
        await ExecuteAsync("COMMIT", ct);
    }

    public async Task FinishAsync(CancellationToken ct)
    {
        foreach (var item in _recreate.OrderBy(i => i.StartsWith("trigger", StringComparison.Ordinal)))
            await ExecuteAsync(item.Split('\t', 3)[2], ct);
        // The FTS5 index, from its content table in one pass (the triggers were off while the rows went in).
        await ExecuteAsync("INSERT INTO search_profile_words(search_profile_words) VALUES ('rebuild')", ct);
        await ExecuteAsync("ANALYZE", ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in new[] { _creator, _account, _profile, _niche, _term })
            statement?.Dispose();
        await _connection.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A statement prepared once on the connection's handle; values bound in order, then run.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private int _next = 1;

        public Statement(sqlite3 db, string sql)
        {
            _db = db;
            Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
        }

        public Statement Long(long? value) => Bind(value is { } v ? raw.sqlite3_bind_int64(_statement, _next, v) : raw.sqlite3_bind_null(_statement, _next));

        public Statement Bool(bool? value) => Long(value is { } v ? (v ? 1 : 0) : null);

        public Statement Real(double? value) => Bind(value is { } v ? raw.sqlite3_bind_double(_statement, _next, v) : raw.sqlite3_bind_null(_statement, _next));

        public Statement Text(string? value) => Bind(value is not null ? raw.sqlite3_bind_text16(_statement, _next, value) : raw.sqlite3_bind_null(_statement, _next));

        // The text EF Core stores for a DateTime.
        public Statement Time(DateTime value) => Text(value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));

        public void Run()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
                Check(rc);
            raw.sqlite3_reset(_statement);
            _next = 1;
        }

        public void Dispose() => _statement.Dispose();

        private Statement Bind(int rc)
        {
            Check(rc);
            _next++;
            return this;
        }

        private void Check(int rc)
        {
            if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
                SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}

internal sealed class PostgresDiscoveryLoader(string connectionString) : IDiscoveryLoader
{
    private readonly NpgsqlConnection _admin = new(connectionString);
    private readonly List<string> _recreate = [];
    private readonly List<(NpgsqlConnection Connection, NpgsqlBinaryImporter Importer)> _copies = [];

    public async Task BeginAsync(CancellationToken ct)
    {
        await _admin.OpenAsync(ct);
        var tables = string.Join(", ", DiscoveryTables.Tables.Select(t => $"'{t}'"));
        await using (var schema = _admin.CreateCommand())
        {
            schema.CommandText = $"""
                SELECT 'ALTER TABLE ' || conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(conname),
                       'ALTER TABLE ' || conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ({tables})
                UNION ALL
                SELECT 'DROP INDEX ' || quote_ident(indexname), indexdef
                FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ({tables})
                  AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'));
                """;
            await using var r = await schema.ExecuteReaderAsync(ct);
            var drops = new List<string>();
            while (await r.ReadAsync(ct))
            {
                drops.Add(r.GetString(0));
                _recreate.Add(r.GetString(1));
            }
            await r.CloseAsync();
            foreach (var drop in drops)
                await ExecuteAsync(drop, ct);
        }
        _copies.Add(await CopyAsync("COPY creators (id, display_name) FROM STDIN (FORMAT BINARY)", ct));
        _copies.Add(await CopyAsync("COPY accounts (id, creator_id, platform, handle, display_name, followers, country, language, is_verified, tier, updated_at) FROM STDIN (FORMAT BINARY)", ct));
        _copies.Add(await CopyAsync(
            "COPY search_profiles (account_id, platform, handle, display_name, tier, followers, country, language, is_verified, has_email, " +
            "primary_niche, niche_confidence, engagement_rate, engagement_percentile, audience_quality, expected_engagements, price_estimate, " +
            "price_low, price_high, last_posted_at, sponsored_share, growth, safety_score, words, updated_at) FROM STDIN (FORMAT BINARY)", ct));
        _copies.Add(await CopyAsync("COPY search_profile_niches (account_id, niche, score) FROM STDIN (FORMAT BINARY)", ct));
        _copies.Add(await CopyAsync("COPY search_profile_terms (account_id, term, last_used_at, uses) FROM STDIN (FORMAT BINARY)", ct));
    }

    public async Task WriteAsync(SearchProfile[] profiles, CancellationToken ct)
    {
        var (creators, accounts, rows, niches, terms) = (_copies[0].Importer, _copies[1].Importer, _copies[2].Importer, _copies[3].Importer, _copies[4].Importer);
        foreach (var p in profiles)
        {
            await creators.StartRowAsync(ct);
            await creators.WriteAsync(p.AccountId, NpgsqlDbType.Bigint, ct);
            await creators.WriteAsync(p.DisplayName ?? p.Handle, NpgsqlDbType.Text, ct);

            await accounts.StartRowAsync(ct);
            await accounts.WriteAsync(p.AccountId, NpgsqlDbType.Bigint, ct);
            await accounts.WriteAsync(p.AccountId, NpgsqlDbType.Bigint, ct);
            await accounts.WriteAsync(p.Platform.Name(), NpgsqlDbType.Text, ct);
            await accounts.WriteAsync(p.Handle, NpgsqlDbType.Text, ct);
            await Write(accounts, p.DisplayName, NpgsqlDbType.Text, ct);
            await Write(accounts, p.Followers, NpgsqlDbType.Bigint, ct);
            await Write(accounts, p.Country, NpgsqlDbType.Text, ct);
            await Write(accounts, p.Language, NpgsqlDbType.Text, ct);
            await Write(accounts, p.IsVerified, NpgsqlDbType.Boolean, ct);
            await Write(accounts, p.Tier, NpgsqlDbType.Text, ct);
            await accounts.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, ct);

            await rows.StartRowAsync(ct);
            await rows.WriteAsync(p.AccountId, NpgsqlDbType.Bigint, ct);
            await rows.WriteAsync(p.Platform.Name(), NpgsqlDbType.Text, ct);
            await rows.WriteAsync(p.Handle, NpgsqlDbType.Text, ct);
            await Write(rows, p.DisplayName, NpgsqlDbType.Text, ct);
            await Write(rows, p.Tier, NpgsqlDbType.Text, ct);
            await Write(rows, p.Followers, NpgsqlDbType.Bigint, ct);
            await Write(rows, p.Country, NpgsqlDbType.Text, ct);
            await Write(rows, p.Language, NpgsqlDbType.Text, ct);
            await Write(rows, p.IsVerified, NpgsqlDbType.Boolean, ct);
            await rows.WriteAsync(p.HasEmail, NpgsqlDbType.Boolean, ct);
            await Write(rows, p.PrimaryNiche, NpgsqlDbType.Text, ct);
            foreach (var value in new[] { p.NicheConfidence, p.EngagementRate, p.EngagementPercentile, p.AudienceQuality, p.ExpectedEngagements, p.PriceEstimate, p.PriceLow, p.PriceHigh })
                await Write(rows, value, NpgsqlDbType.Double, ct);
            await Write(rows, p.LastPostedAt, NpgsqlDbType.Bigint, ct);
            foreach (var value in new[] { p.SponsoredShare, p.Growth, p.SafetyScore })
                await Write(rows, value, NpgsqlDbType.Double, ct);
            await rows.WriteAsync(p.Words, NpgsqlDbType.Text, ct);
            await rows.WriteAsync(p.UpdatedAt, NpgsqlDbType.TimestampTz, ct);

            foreach (var n in p.Niches)
            {
                await niches.StartRowAsync(ct);
                await niches.WriteAsync(n.AccountId, NpgsqlDbType.Bigint, ct);
                await niches.WriteAsync(n.Niche, NpgsqlDbType.Text, ct);
                await niches.WriteAsync(n.Score, NpgsqlDbType.Integer, ct);
            }
            foreach (var t in p.Terms)
            {
                await terms.StartRowAsync(ct);
                await terms.WriteAsync(t.AccountId, NpgsqlDbType.Bigint, ct);
                await terms.WriteAsync(t.Term, NpgsqlDbType.Text, ct);
                await terms.WriteAsync(t.LastUsedAt, NpgsqlDbType.Bigint, ct);
                await terms.WriteAsync(t.Uses, NpgsqlDbType.Integer, ct);
            }
        }
    }

    public async Task FinishAsync(CancellationToken ct)
    {
        foreach (var (connection, importer) in _copies)
        {
            await importer.CompleteAsync(ct);
            await importer.DisposeAsync();
            await connection.DisposeAsync();
        }
        _copies.Clear();
        await ExecuteAsync("SET maintenance_work_mem = '512MB'", ct);
        // Indexes first: the foreign keys are validated faster with them in place.
        foreach (var statement in _recreate.OrderBy(s => s.StartsWith("ALTER", StringComparison.Ordinal)))
            await ExecuteAsync(statement, ct);
        await ExecuteAsync("ANALYZE", ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (connection, importer) in _copies)
        {
            await importer.DisposeAsync();
            await connection.DisposeAsync();
        }
        await _admin.DisposeAsync();
    }

    private async Task<(NpgsqlConnection, NpgsqlBinaryImporter)> CopyAsync(string copy, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return (connection, await connection.BeginBinaryImportAsync(copy, ct));
    }

    private static async Task Write<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (value is { } v)
            await importer.WriteAsync(v, type, ct);
        else
            await importer.WriteNullAsync(ct);
    }

    private static async Task Write(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
            await importer.WriteNullAsync(ct);
        else
            await importer.WriteAsync(value, type, ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _admin.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
