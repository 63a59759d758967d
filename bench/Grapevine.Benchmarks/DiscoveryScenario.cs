using System.Diagnostics;
using System.Runtime;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>discovery</c>: a demo catalogue of N accounts (default 1,000,000) as search profiles, loaded into SQLite (FTS5)
/// and PostgreSQL (tsvector + GIN), the index built from the database; then one query mix run single-threaded on the
/// index, SQLite and PostgreSQL in turn, query by query, every answer checked against the others. Reports p50/p95/p99
/// per engine, the p95 ratios, the index build time and its retained bytes per account.
/// </summary>
public static class DiscoveryScenario
{
    private const int Warmup = 8;

    public static async Task<object> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var size = settings.Size ?? 1_000_000;
        var loadAtStart = LoadAverage();
        var queryCount = size >= 500_000 ? 120 : 200;
        var asOf = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        var now = asOf;
        var folder = Directory.CreateTempSubdirectory("grapevine-bench-discovery-");
        var sqlite = $"Data Source={Path.Combine(folder.FullName, "discovery.db")};Pooling=False";
        string? postgres = null;
        string? postgresName = null;
        try
        {
            await using (var db = Open(sqlite))
                await GrapevineDatabase.MigrateAsync(db, ct);
            if (string.IsNullOrWhiteSpace(settings.PostgresServer))
            {
                Log("no PostgreSQL server (--postgres or $GRAPEVINE_TEST_POSTGRES): postgres is null");
            }
            else
            {
                postgresName = $"gv_bench_{Guid.NewGuid():N}";
                await ThrowawayPostgres.ExecuteAsync(settings.PostgresServer, $"CREATE DATABASE {postgresName}", ct);
                postgres = new NpgsqlConnectionStringBuilder(settings.PostgresServer) { Database = postgresName, CommandTimeout = 0 }.ConnectionString;
                await using var db = Open(postgres);
                await GrapevineDatabase.MigrateAsync(db, ct);
            }

            // 1. The catalogue, written to both databases as it is generated.
            var clock = Stopwatch.StartNew();
            var catalogue = new DiscoveryCatalogue(size, settings.Seed, asOf);
            var sample = new List<SearchProfile>();
            var (writeSeconds, sqliteSeconds, postgresSeconds) = (0.0, 0.0, 0.0);
            await using (var sqliteLoader = new SqliteDiscoveryLoader(sqlite))
            await using (var postgresLoader = postgres is null ? null : new PostgresDiscoveryLoader(postgres))
            {
                await sqliteLoader.BeginAsync(ct);
                if (postgresLoader is not null)
                    await postgresLoader.BeginAsync(ct);
                var written = 0;
                foreach (var profiles in catalogue.Chunks())
                {
                    if (sample.Count < 20_000)
                        sample.AddRange(profiles.Take(20_000 - sample.Count));
                    var write = Stopwatch.StartNew();
                    // Both databases at once: the SQLite writer is synchronous, PostgreSQL's COPY mostly waits on the server.
                    var sqliteWrite = Task.Run(() => sqliteLoader.WriteAsync(profiles, ct), ct);
                    if (postgresLoader is not null)
                        await postgresLoader.WriteAsync(profiles, ct);
                    await sqliteWrite;
                    writeSeconds += write.Elapsed.TotalSeconds;
                    written += profiles.Length;
                    if (written % 100_000 < DiscoveryCatalogue.ChunkSize)
                        Log($"{written:N0} profiles generated and written ({clock.Elapsed.TotalSeconds:0} s)");
                }
                var finish = Stopwatch.StartNew();
                await sqliteLoader.FinishAsync(ct);
                Log($"sqlite: indexes, FTS5 and ANALYZE in {finish.Elapsed.TotalSeconds:0.0} s");
                sqliteSeconds += finish.Elapsed.TotalSeconds;
                finish.Restart();
                if (postgresLoader is not null)
                {
                    await postgresLoader.FinishAsync(ct);
                    Log($"postgres: indexes, foreign keys and ANALYZE in {finish.Elapsed.TotalSeconds:0.0} s");
                    postgresSeconds += finish.Elapsed.TotalSeconds;
                }
            }
            Log($"catalogue of {size:N0} profiles in {clock.Elapsed.TotalSeconds:0} s (waiting on writes {writeSeconds:0} s; then sqlite {sqliteSeconds:0} s and postgres {postgresSeconds:0} s of indexes)");
            var queries = DiscoveryQueryMix.Build(queryCount, settings.Seed, sample);
            sample = null;

            // 2. The index, from the database, and what it holds on to.
            var (index, buildSeconds, bytesPerAccount, builtFrom) = await BuildIndexAsync(postgres ?? sqlite, size, ct);
            double? otherBuildSeconds = null;
            if (postgres is not null)
            {
                var other = Stopwatch.StartNew();
                await using var db = Open(sqlite);
                _ = await DiscoveryIndex.BuildAsync(db, ct);
                otherBuildSeconds = other.Elapsed.TotalSeconds;
                Log($"index built from sqlite too: {otherBuildSeconds:0.00} s");
            }

            // 3. The query mix, engine by engine for each query, every answer compared.
            var context = new DiscoveryContext(now);
            await using var sqliteDb = Open(sqlite);
            await sqliteDb.Database.OpenConnectionAsync(ct);
            await using var postgresDb = postgres is null ? null : Open(postgres);
            if (postgresDb is not null)
            {
                await postgresDb.Database.OpenConnectionAsync(ct);
                // Single-threaded like the other two engines.
                await postgresDb.Database.ExecuteSqlRawAsync("SET max_parallel_workers_per_gather = 0", ct);
            }
            var engines = new List<(string Name, IDiscoveryEngine Engine)> { ("index", index), ("sqlite", new SqlDiscoveryEngine(sqliteDb)) };
            if (postgresDb is not null)
                engines.Add(("postgres", new SqlDiscoveryEngine(postgresDb)));
            foreach (var (_, query) in queries.Take(Warmup))
            {
                foreach (var (_, engine) in engines)
                    await engine.SearchAsync(query, context, ct);
            }
            var timings = engines.ToDictionary(e => e.Name, _ => new List<double>());
            var byKind = new Dictionary<(string Engine, string Kind), List<double>>();
            var mismatches = 0;
            var matched = 0L;
            var queryClock = Stopwatch.StartNew();
            foreach (var (kind, query) in queries)
            {
                DiscoveryResult? reference = null;
                foreach (var (name, engine) in engines)
                {
                    var watch = Stopwatch.StartNew();
                    var result = await engine.SearchAsync(query, context, ct);
                    var ms = watch.Elapsed.TotalMilliseconds;
                    timings[name].Add(ms);
                    (byKind.TryGetValue((name, kind), out var list) ? list : byKind[(name, kind)] = []).Add(ms);
                    if (reference is null)
                    {
                        reference = result;
                        matched += result.Total;
                    }
                    else if (Difference(reference, result) is { } difference)
                    {
                        mismatches++;
                        Log($"MISMATCH {name} vs index on {kind} {Describe(query)}: {difference}");
                    }
                }
            }
            Log($"{queries.Count} queries on {engines.Count} engines in {queryClock.Elapsed.TotalSeconds:0} s; {mismatches} mismatches; mean matches {matched / (double)queries.Count:N0}");
            foreach (var group in byKind.GroupBy(k => k.Key.Kind))
                Log($"  {group.Key,-14} " + string.Join("  ", group.Select(g => $"{g.Key.Engine} p50 {Percentile(g.Value, 50):0.0} ms")));

            var summary = timings.ToDictionary(t => t.Key, t => Summary(t.Value));
            var indexP95 = Percentile(timings["index"], 95);
            var output = new Dictionary<string, object?>
            {
                ["scenario"] = "discovery",
                ["accounts"] = size,
                ["queries"] = queries.Count,
                ["index"] = summary["index"],
                ["sqlite"] = summary["sqlite"],
                ["postgres"] = summary.GetValueOrDefault("postgres"),
                ["p95_ratio_sqlite"] = Math.Round(Percentile(timings["sqlite"], 95) / indexP95, 1),
                ["p95_ratio_postgres"] = postgres is null ? null : Math.Round(Percentile(timings["postgres"], 95) / indexP95, 1),
                ["build_s"] = Math.Round(buildSeconds, 2),
                ["build_from"] = builtFrom,
                ["build_s_sqlite"] = otherBuildSeconds is { } s ? Math.Round(s, 2) : null,
                ["bytes_per_account"] = Math.Round(bytesPerAccount),
                ["mismatches"] = mismatches,
                ["seed"] = settings.Seed,
                ["load_average_1m"] = LoadAverage(),
                ["load_average_1m_at_start"] = loadAtStart,
                ["processors"] = Environment.ProcessorCount,
            };
            GC.KeepAlive(index);
            return output;
        }
        finally
        {
            SqliteClear();
            if (postgresName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ThrowawayPostgres.ExecuteAsync(settings.PostgresServer!, $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", CancellationToken.None);
            }
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(DiscoveryIndex Index, double Seconds, double BytesPerAccount, string From)> BuildIndexAsync(
        string connectionString, int size, CancellationToken ct)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        DiscoveryIndex index;
        await using (var db = Open(connectionString))
            index = await DiscoveryIndex.BuildAsync(db, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        NpgsqlConnection.ClearAllPools();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var from = GrapevineDatabase.ProviderOf(connectionString) == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        Log($"index of {index.Count:N0} accounts built from {from} in {seconds:0.00} s; retained {(after - before) / 1e6:0} MB = {(after - before) / (double)size:0} bytes per account");
        if (index.Count != size)
            throw new InvalidOperationException($"the index holds {index.Count} accounts, not {size}");
        return (index, seconds, (after - before) / (double)size, from);
    }

    /// <summary>Null when the answers are the same: total, ids in order, scores (1e-9), facets.</summary>
    private static string? Difference(DiscoveryResult expected, DiscoveryResult actual)
    {
        if (expected.Total != actual.Total)
            return $"total {actual.Total} vs {expected.Total}";
        if (!expected.Hits.Select(h => h.AccountId).SequenceEqual(actual.Hits.Select(h => h.AccountId)))
            return $"hits [{string.Join(",", actual.Hits.Take(5).Select(h => h.AccountId))}…] vs [{string.Join(",", expected.Hits.Take(5).Select(h => h.AccountId))}…]";
        for (var i = 0; i < expected.Hits.Count; i++)
        {
            if (Math.Abs(expected.Hits[i].Score - actual.Hits[i].Score) > 1e-9)
                return $"score of {actual.Hits[i].AccountId}: {actual.Hits[i].Score:R} vs {expected.Hits[i].Score:R}";
        }
        foreach (var (name, e, a) in new[]
        {
            ("tiers", expected.Facets.Tiers, actual.Facets.Tiers), ("platforms", expected.Facets.Platforms, actual.Facets.Platforms),
            ("countries", expected.Facets.Countries, actual.Facets.Countries), ("niches", expected.Facets.Niches, actual.Facets.Niches),
        })
        {
            if (e.Count != a.Count || e.Any(p => a.GetValueOrDefault(p.Key, -1) != p.Value))
                return $"{name} facet differs";
        }
        return null;
    }

    private static string Describe(DiscoveryQuery q) =>
        $"[{string.Join(' ', q.Words)}] #[{string.Join(' ', q.Hashtags)}] @[{string.Join(' ', q.Mentions)}] sort {q.Sort}";

    private static Dictionary<string, double> Summary(List<double> timings) => new()
    {
        ["p50_ms"] = Math.Round(Percentile(timings, 50), 2),
        ["p95_ms"] = Math.Round(Percentile(timings, 95), 2),
        ["p99_ms"] = Math.Round(Percentile(timings, 99), 2),
        ["max_ms"] = Math.Round(timings.Max(), 2),
    };

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : -1;

    private static GrapevineDb Open(string connectionString) => new(GrapevineDatabase.CreateOptions(connectionString));

    private static void SqliteClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static void Log(string message) => Console.Error.WriteLine($"[discovery] {message}");
}
