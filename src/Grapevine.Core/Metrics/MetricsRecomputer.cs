using System.Data.Common;
using Grapevine.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Grapevine.Core.Metrics;

/// <summary>
/// Recomputes the stored metrics (and the tier) of the given accounts from their posts and
/// snapshots, inside the caller's open transaction (or its own when none is open). Called after
/// every import with the ids of the accounts the import touched, and only those. A metric row is
/// rewritten only when its value, N or window changed, so recomputing unchanged data writes nothing.
/// </summary>
public sealed class MetricsRecomputer(GrapevineDb db, TimeProvider time, TierScheme? tierScheme = null)
{
    private const int BatchSize = 2000;

    /// <summary>Recomputes these accounts; <paramref name="progress"/> receives the share done (0–1) after each chunk.</summary>
    public async Task RecomputeAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct, IProgress<double>? progress = null)
    {
        if (accountIds.Count == 0)
            return;
        // Windows end at the close of the current UTC day so that recomputing on the same day is a no-op.
        var now = time.GetUtcNow().UtcDateTime.Date.AddDays(1);
        var computedAt = time.GetUtcNow().UtcDateTime;
        var scheme = tierScheme ?? TierScheme.Default;

        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using var writer = MetricsWriter.Create(db.Provider, transaction);

        var reader = new MetricInputReader(db.Provider, transaction);
        var ids = accountIds.Distinct().ToArray();
        var done = 0;
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var inputs = await reader.ReadAsync(chunk, ct);
            foreach (var input in inputs)
            {
                var tier = scheme.Classify(input.Followers);
                if (tier != input.Tier)
                    writer.AddTier(input.AccountId, tier);
                foreach (var value in AccountMetricsCalculator.Compute(input.Followers, input.Posts, input.Snapshots, now))
                    writer.AddMetric(input.AccountId, value, computedAt);
            }
            await writer.FlushAsync(ct);
            done += chunk.Length;
            progress?.Report((double)done / ids.Length);
        }
        await reader.DisposeAsync();

        if (own is not null)
            await own.CommitAsync(ct);
    }

    /// <summary>Writes metric rows and tiers with each provider's fast path.</summary>
    private abstract class MetricsWriter(DbTransaction transaction) : IAsyncDisposable
    {
        protected DbTransaction Transaction { get; } = transaction;
        protected List<(long AccountId, MetricValue Value, DateTime ComputedAt)> Metrics { get; } = [];
        protected List<(long AccountId, string? Tier)> Tiers { get; } = [];

        public static MetricsWriter Create(DatabaseProvider provider, DbTransaction transaction) =>
            provider == DatabaseProvider.Postgres ? new PostgresWriter(transaction) : new SqliteWriter(transaction);

        public void AddMetric(long accountId, MetricValue value, DateTime computedAt) => Metrics.Add((accountId, value, computedAt));

        public void AddTier(long accountId, string? tier) => Tiers.Add((accountId, tier));

        public async Task FlushAsync(CancellationToken ct)
        {
            await WriteAsync(ct);
            Metrics.Clear();
            Tiers.Clear();
        }

        protected abstract Task WriteAsync(CancellationToken ct);

        public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

        protected const string UpsertSet = """
            ON CONFLICT (account_id, name) DO UPDATE SET
                value = excluded.value, formula = excluded.formula, n = excluded.n,
                window_start = excluded.window_start, window_end = excluded.window_end, computed_at = excluded.computed_at
            WHERE account_metrics.value IS DISTINCT FROM excluded.value
               OR account_metrics.formula <> excluded.formula
               OR account_metrics.n <> excluded.n
               OR account_metrics.window_start IS DISTINCT FROM excluded.window_start
               OR account_metrics.window_end IS DISTINCT FROM excluded.window_end
            """;
    }

    private sealed class SqliteWriter(DbTransaction transaction) : MetricsWriter(transaction)
    {
        private SqliteMetricRows.MetricUpsert? _upsert;
        private DbCommand? _tier;

        protected override async Task WriteAsync(CancellationToken ct)
        {
            _upsert ??= new SqliteMetricRows.MetricUpsert(((SqliteConnection)Transaction.Connection!).Handle!,
                "INSERT INTO account_metrics (account_id, name, value, formula, n, window_start, window_end, computed_at) " +
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) " + UpsertSet);
            foreach (var (accountId, value, computedAt) in Metrics)
                _upsert.Execute(accountId, value, computedAt);
            if (Tiers.Count == 0)
                return;
            if (_tier is null)
            {
                _tier = Transaction.Connection!.CreateCommand();
                _tier.Transaction = Transaction;
                _tier.CommandText = "UPDATE accounts SET tier = $t WHERE id = $id";
                _tier.Parameters.Add(new SqliteParameter("$t", DBNull.Value));
                _tier.Parameters.Add(new SqliteParameter("$id", DBNull.Value));
            }
            foreach (var (accountId, tier) in Tiers)
            {
                _tier.Parameters[0].Value = (object?)tier ?? DBNull.Value;
                _tier.Parameters[1].Value = accountId;
                await _tier.ExecuteNonQueryAsync(ct);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            _upsert?.Dispose();
            if (_tier is not null)
                await _tier.DisposeAsync();
        }
    }

    private sealed class PostgresWriter(DbTransaction transaction) : MetricsWriter(transaction)
    {
        protected override async Task WriteAsync(CancellationToken ct)
        {
            var connection = (NpgsqlConnection)Transaction.Connection!;
            if (Metrics.Count > 0)
            {
                await using var upsert = new NpgsqlCommand(
                    "INSERT INTO account_metrics (account_id, name, value, formula, n, window_start, window_end, computed_at) " +
                    "SELECT * FROM unnest(@a, @name, @v, @f, @n, @ws, @we, @c) " + UpsertSet,
                    connection, (NpgsqlTransaction)Transaction);
                upsert.Parameters.Add(new NpgsqlParameter<long[]>("a", Metrics.Select(m => m.AccountId).ToArray()));
                upsert.Parameters.Add(new NpgsqlParameter<string[]>("name", Metrics.Select(m => m.Value.Name).ToArray()));
                upsert.Parameters.Add(new NpgsqlParameter<double?[]>("v", Metrics.Select(m => m.Value.Value).ToArray()));
                upsert.Parameters.Add(new NpgsqlParameter<string[]>("f", Metrics.Select(m => m.Value.Formula).ToArray()));
                upsert.Parameters.Add(new NpgsqlParameter<int[]>("n", Metrics.Select(m => m.Value.N).ToArray()));
                upsert.Parameters.Add(new NpgsqlParameter<DateTime?[]>("ws", Metrics.Select(m => m.Value.WindowStart).ToArray())
                { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
                upsert.Parameters.Add(new NpgsqlParameter<DateTime?[]>("we", Metrics.Select(m => m.Value.WindowEnd).ToArray())
                { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
                upsert.Parameters.Add(new NpgsqlParameter<DateTime[]>("c", Metrics.Select(m => m.ComputedAt).ToArray())
                { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
                await upsert.ExecuteNonQueryAsync(ct);
            }
            if (Tiers.Count > 0)
            {
                await using var tiers = new NpgsqlCommand(
                    "UPDATE accounts AS a SET tier = t.tier FROM unnest(@id, @tier) AS t(id, tier) WHERE a.id = t.id",
                    connection, (NpgsqlTransaction)Transaction);
                tiers.Parameters.Add(new NpgsqlParameter<long[]>("id", Tiers.Select(t => t.AccountId).ToArray()));
                tiers.Parameters.Add(new NpgsqlParameter<string?[]>("tier", Tiers.Select(t => t.Tier).ToArray()));
                await tiers.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
