using System.Globalization;
using System.Text;
using System.Text.Json;
using Grapevine.Core.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// SQLite: one prepared statement per table, its parameters rebound for every row
/// (INSERT … ON CONFLICT DO UPDATE … WHERE a value differs), inside the caller's transaction.
/// Accounts (a few per thousand posts) go through SqliteCommand; the other tables, by far the
/// most rows, through a statement prepared on the connection's handle (see <see cref="PreparedUpsert"/>).
/// </summary>
internal sealed class SqliteCatalogueWriter(GrapevineDb db, AccountIdCache accounts) : CatalogueWriterBackend(db, accounts)
{
    private const int LookupChunk = 500;
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    private SqliteTransaction SqliteTransaction => (SqliteTransaction)Transaction;

    public override async Task ResolveAsync(IReadOnlyCollection<AccountKey> keys, CancellationToken ct)
    {
        var lookup = Command("SELECT id, handle FROM accounts WHERE platform = $p0 AND handle IN (SELECT value FROM json_each($p1))", 2);
        foreach (var group in keys.GroupBy(k => k.Platform))
        {
            foreach (var chunk in group.Select(k => k.Handle).Chunk(LookupChunk))
            {
                lookup.Parameters[0].Value = group.Key.Name();
                lookup.Parameters[1].Value = JsonSerializer.Serialize(chunk);
                await using var reader = await lookup.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    Accounts.Add(new AccountKey(group.Key, reader.GetString(1)), reader.GetInt64(0));
            }
        }
    }

    public override Task<HashSet<long>> UpsertAccountsAsync(IReadOnlyList<AccountRow> rows, DateTime now, CancellationToken ct)
    {
        var values = CatalogueTables.AccountValues;
        var update = Command(
            "UPDATE accounts SET " +
            string.Join(", ", values.Select((c, i) => $"{c.Name} = coalesce($p{i}, {c.Name})")) +
            $", updated_at = $p{values.Count} WHERE id = $p{values.Count + 1} AND (" +
            string.Join(" OR ", values.Select((c, i) => $"($p{i} IS NOT NULL AND $p{i} IS NOT {c.Name})")) + ")",
            values.Count + 2);
        var creator = Command("INSERT INTO creators (display_name, email) VALUES ($p0, $p1) RETURNING id", 2);
        var insert = Command(
            $"INSERT INTO accounts (creator_id, platform, handle, {string.Join(", ", values.Select(c => c.Name))}, updated_at) " +
            $"VALUES ({string.Join(", ", Enumerable.Range(0, values.Count + 4).Select(i => $"$p{i}"))}) RETURNING id",
            values.Count + 4);
        var updateSink = new ParameterSink(update.Parameters);
        var insertSink = new ParameterSink(insert.Parameters);
        var touched = new HashSet<long>();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var key = new AccountKey(row.Platform, row.Handle);
            if (Accounts.TryGet(key, out var id))
            {
                updateSink.Reset();
                CatalogueTables.WriteAccountValues(row, updateSink);
                update.Parameters[values.Count].Value = now;
                update.Parameters[values.Count + 1].Value = id;
                if (update.ExecuteNonQuery() > 0)
                {
                    Updated++;
                    touched.Add(id);
                }
                continue;
            }
            creator.Parameters[0].Value = row.DisplayName ?? row.Handle;
            creator.Parameters[1].Value = (object?)row.Email ?? DBNull.Value;
            var creatorId = (long)creator.ExecuteScalar()!;
            insertSink.Reset();
            insertSink.Add(creatorId);
            insertSink.Add(row.Platform.Name());
            insertSink.Add(row.Handle);
            CatalogueTables.WriteAccountValues(row, insertSink);
            insertSink.Add(now);
            id = (long)insert.ExecuteScalar()!;
            Accounts.Add(key, id);
            Inserted++;
            touched.Add(id);
        }
        return Task.FromResult(touched);
    }

    public override Task<HashSet<long>> UpsertAsync<TRow>(KeyedTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var connection = (SqliteConnection)SqliteTransaction.Connection!;
        var lastRowId = Command($"SELECT coalesce(max(rowid), 0) FROM {table.Name}", 0);
        var countNew = Command($"SELECT count(*) FROM {table.Name} WHERE rowid > $p0", 1);
        // Rowids grow, so the rows this call inserted are those past the largest rowid before it.
        var before = (long)lastRowId.ExecuteScalar()!;
        var touched = new HashSet<long>();
        long changed = 0;
        using (var upsert = new PreparedUpsert(connection.Handle!, UpsertSql(table), table.Columns.Count))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if ((i & 4095) == 0)
                    ct.ThrowIfCancellationRequested();
                var row = rows[i];
                var accountId = Accounts.IdOf(table.AccountOf(row));
                upsert.Reset();
                table.Write(row, accountId, upsert);
                if (upsert.Execute())
                {
                    changed++;
                    touched.Add(accountId);
                }
            }
        }
        countNew.Parameters[0].Value = before;
        var inserted = (long)countNew.ExecuteScalar()!;
        Inserted += inserted;
        Updated += changed - inserted;
        return Task.FromResult(touched);
    }

    internal static string UpsertSql<TRow>(KeyedTable<TRow> table)
    {
        var t = table.Name;
        var columns = table.Columns;
        var sql = new StringBuilder()
            .Append($"INSERT INTO {t} ({string.Join(", ", columns.Select(c => c.Name))}) ")
            .Append($"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))}) ")
            .Append($"ON CONFLICT ({string.Join(", ", table.Keys.Select(c => c.Name))}) DO UPDATE SET ");
        var values = columns.Where(c => c.Mode != ColumnMode.Key).ToList();
        sql.Append(string.Join(", ", values.Select(c => c.Mode == ColumnMode.Overwrite
            ? $"{c.Name} = excluded.{c.Name}"
            : $"{c.Name} = coalesce(excluded.{c.Name}, {t}.{c.Name})")));
        sql.Append(" WHERE ");
        sql.Append(string.Join(" OR ", values.Select(c => c.Mode == ColumnMode.Overwrite
            ? $"{t}.{c.Name} IS NOT excluded.{c.Name}"
            : $"(excluded.{c.Name} IS NOT NULL AND {t}.{c.Name} IS NOT excluded.{c.Name})")));
        return sql.ToString();
    }

    private SqliteCommand Command(string sql, int parameterCount)
    {
        var connection = (SqliteConnection)SqliteTransaction.Connection!;
        if (!_commands.TryGetValue(sql, out var command) || command.Connection != connection)
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < parameterCount; i++)
                command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
            _commands[sql] = command;
        }
        command.Transaction = SqliteTransaction;
        return command;
    }

    /// <summary>
    /// One prepared statement on the connection's own handle, its values bound by position for every
    /// row. A profile of the SqliteCommand version spent more than half of the write time in
    /// ADO.NET's per-execution parameter binding (name lookups, boxing, UTF-16 to UTF-8 copies); this
    /// binds straight into SQLite, in the same open transaction.
    /// </summary>
    private sealed class PreparedUpsert : IValueSink, IDisposable
    {
        private const string TimestampFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly int[] _index;
        private int _next;

        public PreparedUpsert(sqlite3 db, string sql, int parameterCount)
        {
            _db = db;
            Check(raw.sqlite3_prepare_v2(db, sql, out _statement));
            _index = [.. Enumerable.Range(0, parameterCount).Select(i => raw.sqlite3_bind_parameter_index(_statement, $"$p{i}"))];
        }

        public void Reset()
        {
            raw.sqlite3_reset(_statement);
            _next = 0;
        }

        /// <summary>Runs the statement; true when it inserted or changed a row.</summary>
        public bool Execute()
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
                Check(rc);
            return raw.sqlite3_changes(_db) > 0;
        }

        public void Add(long? value) => Check(value is { } v ? raw.sqlite3_bind_int64(_statement, _index[_next++], v) : Null());
        public void Add(int? value) => Check(value is { } v ? raw.sqlite3_bind_int64(_statement, _index[_next++], v) : Null());
        public void Add(bool? value) => Check(value is { } v ? raw.sqlite3_bind_int64(_statement, _index[_next++], v ? 1 : 0) : Null());
        public void Add(string? value) => Check(value is not null ? raw.sqlite3_bind_text16(_statement, _index[_next++], value) : Null());

        // The text EF Core and Microsoft.Data.Sqlite store for a DateTime, so that stored values compare equal.
        public void Add(DateTime? value)
        {
            if (value is not { } v)
            {
                Check(Null());
                return;
            }
            Span<char> text = stackalloc char[32];
            v.TryFormat(text, out var length, TimestampFormat, CultureInfo.InvariantCulture);
            Check(raw.sqlite3_bind_text16(_statement, _index[_next++], text[..length]));
        }

        public void Dispose() => _statement.Dispose();

        private int Null() => raw.sqlite3_bind_null(_statement, _index[_next++]);

        private void Check(int rc)
        {
            if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
                SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private sealed class ParameterSink(SqliteParameterCollection parameters) : IValueSink
    {
        private static readonly object True = 1L;
        private static readonly object False = 0L;
        private int _next;

        public void Reset() => _next = 0;

        public void Add(long? value) => Set(value.HasValue ? value.Value : null);
        public void Add(int? value) => Set(value.HasValue ? value.Value : null);
        public void Add(string? value) => Set(value);
        public void Add(DateTime? value) => Set(value.HasValue ? value.Value : null);
        public void Add(bool? value) => Set(value.HasValue ? value.Value ? True : False : null);

        private void Set(object? value) => parameters[_next++].Value = value ?? DBNull.Value;
    }
}
