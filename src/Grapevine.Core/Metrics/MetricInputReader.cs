using System.Data.Common;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Grapevine.Core.Metrics;

/// <summary>What the metrics of one account are computed from.</summary>
internal sealed record MetricInput(long AccountId, long? Followers, string? Tier, List<PostObservation> Posts, List<SnapshotObservation> Snapshots);

/// <summary>
/// Reads accounts, posts and snapshots for a chunk of account ids with plain ADO.NET: the recompute
/// runs after every import, so it reads hundreds of thousands of posts and must not pay for change
/// tracking or one query parameter per id. SQLite joins a temp table of ids; PostgreSQL takes an array.
/// </summary>
internal sealed class MetricInputReader(DatabaseProvider provider, DbTransaction transaction) : IAsyncDisposable
{
    private bool _tempTableReady;

    private string Ids(string column) => provider == DatabaseProvider.Postgres
        ? $"{column} = ANY(@ids)"
        : $"{column} IN (SELECT id FROM temp.metric_ids)";

    public async Task<List<MetricInput>> ReadAsync(long[] ids, CancellationToken ct)
    {
        await LoadIdsAsync(ids, ct);
        var inputs = new Dictionary<long, MetricInput>(ids.Length);
        await using (var accounts = Command($"SELECT a.id, a.followers, a.tier FROM accounts a WHERE {Ids("a.id")}", ids))
        await using (var r = await accounts.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var id = r.GetInt64(0);
                inputs[id] = new MetricInput(id, r.IsDBNull(1) ? null : r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), [], []);
            }
        }
        // Whether a post is sponsored is decided here (SponsoredPost), not in SQL: three LIKEs over a
        // concatenation per row took two thirds of PostgreSQL's time for this query.
        var postsSql = "SELECT p.account_id, p.posted_at, p.type, p.likes, p.comments, p.shares, p.saves, p.views, p.reach, " +
            $"p.is_paid_partnership, p.hashtags FROM posts p WHERE {Ids("p.account_id")}";
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteMetricRows.ReadPosts(((SqliteConnection)transaction.Connection!).Handle!, postsSql, inputs);
        }
        else
        {
            await using var posts = Command(postsSql, ids);
            await using var r = await posts.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (!inputs.TryGetValue(r.GetInt64(0), out var input) || !CatalogueNames.TryParsePostType(r.GetString(2), out var type))
                    continue;
                input.Posts.Add(new PostObservation(
                    Utc(r.GetDateTime(1)), type, Long(r, 3), Long(r, 4), Long(r, 5), Long(r, 6), Long(r, 7), Long(r, 8),
                    SponsoredPost.IsSponsored(r.IsDBNull(9) ? null : r.GetBoolean(9), r.IsDBNull(10) ? null : r.GetString(10))));
            }
        }
        var snapshotsSql = $"SELECT s.account_id, s.at, s.followers FROM account_snapshots s WHERE {Ids("s.account_id")}";
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteMetricRows.ReadSnapshots(((SqliteConnection)transaction.Connection!).Handle!, snapshotsSql, inputs);
        }
        else
        {
            await using var snapshots = Command(snapshotsSql, ids);
            await using var r = await snapshots.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (inputs.TryGetValue(r.GetInt64(0), out var input))
                    input.Snapshots.Add(new SnapshotObservation(Utc(r.GetDateTime(1)), Long(r, 2)));
            }
        }
        return [.. inputs.Values];
    }

    private async Task LoadIdsAsync(long[] ids, CancellationToken ct)
    {
        if (provider == DatabaseProvider.Postgres)
            return;
        await using (var setup = Command(_tempTableReady
            ? "DELETE FROM temp.metric_ids"
            : "CREATE TEMP TABLE IF NOT EXISTS metric_ids (id INTEGER PRIMARY KEY); DELETE FROM temp.metric_ids", null))
            await setup.ExecuteNonQueryAsync(ct);
        _tempTableReady = true;
        await using var insert = Command("INSERT OR IGNORE INTO temp.metric_ids (id) VALUES ($id)", null);
        var parameter = insert.CreateParameter();
        parameter.ParameterName = "$id";
        insert.Parameters.Add(parameter);
        insert.Prepare();
        foreach (var id in ids)
        {
            parameter.Value = id;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand Command(string sql, long[]? ids)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (ids is not null && provider == DatabaseProvider.Postgres)
            command.Parameters.Add(new NpgsqlParameter<long[]>("ids", ids));
        return command;
    }

    private static long? Long(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public async ValueTask DisposeAsync()
    {
        if (!_tempTableReady)
            return;
        await using var drop = Command("DROP TABLE IF EXISTS temp.metric_ids", null);
        await drop.ExecuteNonQueryAsync();
    }
}
