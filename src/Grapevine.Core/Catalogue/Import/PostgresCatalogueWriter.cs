using System.Text;
using Grapevine.Core.Data;
using Npgsql;
using NpgsqlTypes;

namespace Grapevine.Core.Catalogue.Import;

/// <summary>
/// PostgreSQL: binary COPY of each batch into a temporary staging table, then one
/// INSERT … SELECT … ON CONFLICT DO UPDATE … WHERE … IS DISTINCT FROM, inside the caller's transaction.
/// </summary>
internal sealed class PostgresCatalogueWriter(GrapevineDb db, AccountIdCache accounts) : CatalogueWriterBackend(db, accounts)
{
    private const int LookupChunk = 10_000;
    private readonly Dictionary<string, HashSet<long>> _fresh = [];
    private readonly Dictionary<string, HashSet<long>> _classified = [];

    private NpgsqlTransaction NpgsqlTransaction => (NpgsqlTransaction)Transaction;
    private NpgsqlConnection Connection => NpgsqlTransaction.Connection!;

    public override async Task ResolveAsync(IReadOnlyCollection<AccountKey> keys, CancellationToken ct)
    {
        foreach (var chunk in keys.Chunk(LookupChunk))
        {
            await using var lookup = new NpgsqlCommand(
                "SELECT a.id, a.platform, a.handle FROM accounts a " +
                "JOIN unnest(@platforms, @handles) AS k(platform, handle) ON a.platform = k.platform AND a.handle = k.handle",
                Connection, NpgsqlTransaction);
            lookup.Parameters.Add(new NpgsqlParameter<string[]>("platforms", [.. chunk.Select(k => k.Platform.Name())]));
            lookup.Parameters.Add(new NpgsqlParameter<string[]>("handles", [.. chunk.Select(k => k.Handle)]));
            await using var reader = await lookup.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                Accounts.Add(new AccountKey(ParsePlatform(reader.GetString(1)), reader.GetString(2)), reader.GetInt64(0));
        }
    }

    public override async Task<HashSet<long>> UpsertAccountsAsync(IReadOnlyList<AccountRow> rows, DateTime now, CancellationToken ct)
    {
        var values = CatalogueTables.AccountValues;
        var names = string.Join(", ", values.Select(c => c.Name));
        TableColumn[] staged = [new("seq", ColumnType.Integer, ColumnMode.Key), new("platform", ColumnType.Text, ColumnMode.Key),
            new("handle", ColumnType.Text, ColumnMode.Key), .. values];
        await StageAsync("gv_stage_accounts", staged, rows, (row, index, sink) =>
        {
            sink.Add(index);
            sink.Add(row.Platform.Name());
            sink.Add(row.Handle);
            CatalogueTables.WriteAccountValues(row, sink);
        }, ct);

        await ExecuteAsync(
            "CREATE TEMP TABLE IF NOT EXISTS gv_new_accounts (seq integer, creator_id bigint) ON COMMIT DROP; " +
            "TRUNCATE gv_new_accounts; " +
            "INSERT INTO gv_new_accounts (seq, creator_id) " +
            "SELECT s.seq, nextval(pg_get_serial_sequence('creators', 'id')) FROM gv_stage_accounts s " +
            "WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.platform = s.platform AND a.handle = s.handle); " +
            "INSERT INTO creators (id, display_name, email) " +
            "SELECT n.creator_id, coalesce(s.display_name, s.handle), s.email FROM gv_new_accounts n JOIN gv_stage_accounts s ON s.seq = n.seq; " +
            $"INSERT INTO accounts (creator_id, platform, handle, {names}, updated_at) " +
            $"SELECT n.creator_id, s.platform, s.handle, {string.Join(", ", values.Select(c => "s." + c.Name))}, @now " +
            "FROM gv_new_accounts n JOIN gv_stage_accounts s ON s.seq = n.seq",
            now, ct);

        var touched = new HashSet<long>();
        await using (var update = new NpgsqlCommand(
            "UPDATE accounts AS a SET " +
            string.Join(", ", values.Select(c => $"{c.Name} = coalesce(s.{c.Name}, a.{c.Name})")) + ", updated_at = @now " +
            "FROM gv_stage_accounts s WHERE a.platform = s.platform AND a.handle = s.handle " +
            "AND NOT EXISTS (SELECT 1 FROM gv_new_accounts n WHERE n.seq = s.seq) " +
            $"AND ({string.Join(", ", values.Select(c => "a." + c.Name))}) IS DISTINCT FROM " +
            $"({string.Join(", ", values.Select(c => $"coalesce(s.{c.Name}, a.{c.Name})"))}) RETURNING a.id",
            Connection, NpgsqlTransaction))
        {
            update.Parameters.Add(new NpgsqlParameter<DateTime>("now", now) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var reader = await update.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                touched.Add(reader.GetInt64(0));
                Updated++;
            }
        }

        await using var ids = new NpgsqlCommand(
            "SELECT a.id, a.platform, a.handle, n.seq IS NOT NULL FROM gv_stage_accounts s " +
            "JOIN accounts a ON a.platform = s.platform AND a.handle = s.handle LEFT JOIN gv_new_accounts n ON n.seq = s.seq",
            Connection, NpgsqlTransaction);
        await using (var reader = await ids.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt64(0);
                Accounts.Add(new AccountKey(ParsePlatform(reader.GetString(1)), reader.GetString(2)), id);
                if (reader.GetBoolean(3))
                {
                    touched.Add(id);
                    Inserted++;
                }
            }
        }
        return touched;
    }

    public override async Task<HashSet<long>> UpsertAsync<TRow>(KeyedTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var fresh = await FreshAccountsAsync(table, rows, ct);
        // Batches are usually all fresh or all not (files come grouped by account): split only mixed ones.
        var freshCount = rows.Count(r => fresh.Contains(Accounts.IdOf(table.AccountOf(r))));
        IReadOnlyList<TRow> copied = freshCount == rows.Count ? rows : [];
        IReadOnlyList<TRow> upserted = freshCount == 0 ? rows : [];
        if (freshCount > 0 && freshCount < rows.Count)
        {
            copied = [.. rows.Where(r => fresh.Contains(Accounts.IdOf(table.AccountOf(r))))];
            upserted = [.. rows.Where(r => !fresh.Contains(Accounts.IdOf(table.AccountOf(r))))];
        }

        var touched = new HashSet<long>();
        if (copied.Count > 0)
            await CopyAsync(table, copied, touched, ct);
        if (upserted.Count == 0)
            return touched;

        var stage = "gv_stage_" + table.Name;
        await StageAsync(stage, table.Columns, upserted, (row, _, sink) => table.Write(row, Accounts.IdOf(table.AccountOf(row)), sink), ct);
        await using var upsert = new NpgsqlCommand(UpsertSql(table, stage), Connection, NpgsqlTransaction);
        await using var reader = await upsert.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            touched.Add(reader.GetInt64(0));
            var inserted = reader.GetInt64(1);
            Inserted += inserted;
            Updated += reader.GetInt64(2) - inserted;
        }
        return touched;
    }

    /// <summary>
    /// The accounts of these rows that had no row in <paramref name="table"/> when this writer first
    /// met them. Their rows cannot conflict with stored ones, nor with each other (the importer
    /// rejects in-file duplicates), so they skip the staging table and the upsert.
    /// </summary>
    private async Task<HashSet<long>> FreshAccountsAsync<TRow>(KeyedTable<TRow> table, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        if (!_fresh.TryGetValue(table.Name, out var fresh))
            _fresh[table.Name] = fresh = [];
        if (!_classified.TryGetValue(table.Name, out var classified))
            _classified[table.Name] = classified = [];
        var unknown = new HashSet<long>();
        foreach (var row in rows)
        {
            var id = Accounts.IdOf(table.AccountOf(row));
            if (!classified.Contains(id))
                unknown.Add(id);
        }
        if (unknown.Count == 0)
            return fresh;
        await using var query = new NpgsqlCommand(
            $"SELECT k.id FROM unnest(@ids) AS k(id) WHERE NOT EXISTS (SELECT 1 FROM {table.Name} t WHERE t.account_id = k.id)",
            Connection, NpgsqlTransaction);
        query.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. unknown]));
        await using (var reader = await query.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                fresh.Add(reader.GetInt64(0));
        }
        classified.UnionWith(unknown);
        return fresh;
    }

    /// <summary>Binary COPY straight into the table: only for rows of fresh accounts (see <see cref="FreshAccountsAsync"/>).</summary>
    private async Task CopyAsync<TRow>(KeyedTable<TRow> table, IReadOnlyList<TRow> rows, HashSet<long> touched, CancellationToken ct)
    {
        try
        {
            await using var importer = await Connection.BeginBinaryImportAsync(
                $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
            var sink = new CopySink(importer);
            for (var i = 0; i < rows.Count; i++)
            {
                if ((i & 4095) == 0)
                    ct.ThrowIfCancellationRequested();
                var accountId = Accounts.IdOf(table.AccountOf(rows[i]));
                touched.Add(accountId);
                importer.StartRow();
                table.Write(rows[i], accountId, sink);
            }
            await importer.CompleteAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Only another transaction writing rows of the same new accounts at the same time gets here.
            throw new InvalidOperationException(
                $"another import wrote {table.Name} of the same accounts while this one ran; nothing was imported: run the import again", e);
        }
        Inserted += rows.Count;
    }

    internal static string UpsertSql<TRow>(KeyedTable<TRow> table, string stage)
    {
        var columns = string.Join(", ", table.Columns.Select(c => c.Name));
        var values = table.Columns.Where(c => c.Mode != ColumnMode.Key).ToList();
        string NewValue(TableColumn c) => c.Mode == ColumnMode.Overwrite ? $"excluded.{c.Name}" : $"coalesce(excluded.{c.Name}, t.{c.Name})";
        return new StringBuilder()
            .Append($"WITH up AS (INSERT INTO {table.Name} AS t ({columns}) SELECT {columns} FROM {stage} ")
            .Append($"ON CONFLICT ({string.Join(", ", table.Keys.Select(c => c.Name))}) DO UPDATE SET ")
            .Append(string.Join(", ", values.Select(c => $"{c.Name} = {NewValue(c)}")))
            .Append($" WHERE ({string.Join(", ", values.Select(c => "t." + c.Name))}) IS DISTINCT FROM ")
            .Append($"({string.Join(", ", values.Select(NewValue))}) ")
            .Append("RETURNING t.account_id, (t.xmax = 0) AS inserted) ")
            .Append("SELECT account_id, count(*) FILTER (WHERE inserted), count(*) FROM up GROUP BY account_id")
            .ToString();
    }

    /// <summary>Creates (once per transaction) and empties a staging table, then fills it with binary COPY.</summary>
    private async Task StageAsync<TRow>(
        string stage, IReadOnlyList<TableColumn> columns, IReadOnlyList<TRow> rows, Action<TRow, int, IValueSink> write, CancellationToken ct)
    {
        var definition = string.Join(", ", columns.Select(c => $"{c.Name} {SqlType(c.Type)}"));
        await ExecuteAsync($"CREATE TEMP TABLE IF NOT EXISTS {stage} ({definition}) ON COMMIT DROP; TRUNCATE {stage}", null, ct);
        await using var importer = await Connection.BeginBinaryImportAsync(
            $"COPY {stage} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
        var sink = new CopySink(importer);
        for (var i = 0; i < rows.Count; i++)
        {
            if ((i & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            importer.StartRow();
            write(rows[i], i, sink);
        }
        await importer.CompleteAsync(ct);
    }

    private async Task ExecuteAsync(string sql, DateTime? now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, Connection, NpgsqlTransaction);
        if (now is { } value)
            command.Parameters.Add(new NpgsqlParameter<DateTime>("now", value) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Bigint => "bigint",
        ColumnType.Integer => "integer",
        ColumnType.Timestamp => "timestamptz",
        ColumnType.Boolean => "boolean",
        _ => "text",
    };

    private static Platform ParsePlatform(string name) =>
        CatalogueNames.TryParsePlatform(name, out var platform) ? platform : throw new InvalidOperationException($"unknown platform '{name}' in the database");

    private sealed class CopySink(NpgsqlBinaryImporter importer) : IValueSink
    {
        public void Add(long? value)
        {
            if (value is { } v)
                importer.Write(v, NpgsqlDbType.Bigint);
            else
                importer.WriteNull();
        }

        public void Add(int? value)
        {
            if (value is { } v)
                importer.Write(v, NpgsqlDbType.Integer);
            else
                importer.WriteNull();
        }

        public void Add(string? value)
        {
            if (value is not null)
                importer.Write(value, NpgsqlDbType.Text);
            else
                importer.WriteNull();
        }

        public void Add(DateTime? value)
        {
            if (value is { } v)
                importer.Write(v, NpgsqlDbType.TimestampTz);
            else
                importer.WriteNull();
        }

        public void Add(bool? value)
        {
            if (value is { } v)
                importer.Write(v, NpgsqlDbType.Boolean);
            else
                importer.WriteNull();
        }
    }
}
