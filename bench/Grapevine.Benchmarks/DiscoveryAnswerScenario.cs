using System.Diagnostics;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>discovery-answer</c>: what the follower-spike flag costs the search answer (the Discover page, the API, the CLI).
/// A demo catalogue of N accounts (default 5,000) with their posts and weekly snapshots is seeded into SQLite (and
/// PostgreSQL when a server is given) and indexed; then the discovery query mix runs on the index (every fifth query at
/// the largest page, 200 results), and each query's answer is built twice, with the flag (snapshots of the page's accounts, then the posts of the spiked ones) and
/// without, in alternating order, each time from the engine's search on. Reports medians, p95 and their ratios.
/// </summary>
public static class DiscoveryAnswerScenario
{
    private const int Warmup = 10;

    public static async Task<object> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var size = settings.Size ?? 5_000;
        var queryCount = 200;
        var folder = Directory.CreateTempSubdirectory("grapevine-bench-discovery-answer-");
        try
        {
            var sqlite = await MeasureAsync("sqlite", $"Data Source={Path.Combine(folder.FullName, "bench.db")};Pooling=False", size, queryCount, settings.Seed, ct);
            Dictionary<string, object?>? postgres = null;
            if (string.IsNullOrWhiteSpace(settings.PostgresServer))
            {
                Log("no PostgreSQL server (--postgres or $GRAPEVINE_TEST_POSTGRES): postgres is null");
            }
            else
            {
                postgres = await ThrowawayPostgres.WithDatabaseAsync(settings.PostgresServer, connection => MeasureAsync("postgres", connection, size, queryCount, settings.Seed, ct), ct);
            }
            return new Dictionary<string, object?>
            {
                ["scenario"] = "discovery-answer",
                ["accounts"] = size,
                ["queries"] = queryCount,
                ["seed"] = settings.Seed,
                ["sqlite"] = sqlite,
                ["postgres"] = postgres,
                ["processors"] = Environment.ProcessorCount,
            };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, object?>> MeasureAsync(string label, string connectionString, int size, int queryCount, int seed, CancellationToken ct)
    {
        var loadAtStart = BenchSettings.LoadAverage();
        var asOf = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        var clock = Stopwatch.StartNew();
        await using (var db = Open(connectionString))
        {
            await GrapevineDatabase.MigrateAsync(db, ct);
            await new DemoSeeder(db, TimeProvider.System).SeedAsync(new DemoOptions(size, seed, asOf), null, ct);
        }
        Log($"{label}: demo catalogue of {size:N0} accounts seeded in {clock.Elapsed.TotalSeconds:0} s");

        await using var context = Open(connectionString);
        await context.Database.OpenConnectionAsync(ct);
        var index = await DiscoveryIndex.BuildAsync(context, ct);
        var sample = await context.SearchProfiles.AsNoTracking().Include(p => p.Terms).OrderBy(p => p.AccountId).Take(20_000).ToListAsync(ct);
        var queries = DiscoveryQueryMix.Build(queryCount, seed, sample);
        var discovery = new DiscoveryContext(asOf);

        foreach (var (_, query) in queries.Take(Warmup))
        {
            await AnswerAsync(context, index, query, discovery, true, ct);
            await AnswerAsync(context, index, query, discovery, false, ct);
        }

        var (with, without) = (new List<double>(), new List<double>());
        var byLimit = new Dictionary<int, (List<double> With, List<double> Without)>();
        var (hits, judged, spiked, organic, postsRead, accountsWithPosts) = (0, 0, 0, 0, 0, 0);
        for (var i = 0; i < queries.Count; i++)
        {
            // The mix asks for 20 or 50; every fifth query asks for the page's largest, 200, where the flag reads the most.
            var query = i % 5 == 4 ? queries[i].Query with { Limit = DiscoveryQuery.MaxLimit } : queries[i].Query;
            // Alternating which goes first, so that neither always finds the other's pages in the cache.
            double withMs, withoutMs;
            DiscoveryAnswer answer;
            if (i % 2 == 0)
            {
                (withMs, answer) = await AnswerAsync(context, index, query, discovery, true, ct);
                (withoutMs, _) = await AnswerAsync(context, index, query, discovery, false, ct);
            }
            else
            {
                (withoutMs, _) = await AnswerAsync(context, index, query, discovery, false, ct);
                (withMs, answer) = await AnswerAsync(context, index, query, discovery, true, ct);
            }
            with.Add(withMs);
            without.Add(withoutMs);
            var group = byLimit.TryGetValue(query.Limit, out var g) ? g : byLimit[query.Limit] = ([], []);
            group.With.Add(withMs);
            group.Without.Add(withoutMs);

            // What the flag read for this page, outside the timings.
            hits += answer.Hits.Count;
            judged += answer.Hits.Count(h => h.FollowerSpike is not null);
            spiked += answer.Hits.Count(h => h.FollowerSpike is { Spiked: true });
            organic += answer.Hits.Count(h => h.FollowerSpike is { Organic: true });
            var ids = answer.Hits.Select(h => h.AccountId).ToList();
            var profiles = await context.SearchProfiles.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToListAsync(ct);
            var flags = await FollowerSpikeFlags.LoadAsync(context, profiles, ct);
            postsRead += flags.PostsRead;
            accountsWithPosts += flags.AccountsWithPostsRead;
        }

        var result = new Dictionary<string, object?>
        {
            ["with_flag_p50_ms"] = Math.Round(Percentile(with, 50), 2),
            ["without_flag_p50_ms"] = Math.Round(Percentile(without, 50), 2),
            ["p50_ratio"] = Math.Round(Percentile(with, 50) / Percentile(without, 50), 2),
            ["with_flag_p95_ms"] = Math.Round(Percentile(with, 95), 2),
            ["without_flag_p95_ms"] = Math.Round(Percentile(without, 95), 2),
            ["p95_ratio"] = Math.Round(Percentile(with, 95) / Percentile(without, 95), 2),
            // Paired per query: what the flag added to the same answer.
            ["added_p50_ms"] = Math.Round(Percentile([.. with.Zip(without, (a, b) => a - b)], 50), 2),
            ["by_limit"] = byLimit.OrderBy(l => l.Key).ToDictionary(l => l.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), l => new Dictionary<string, double>
            {
                ["queries"] = l.Value.With.Count,
                ["with_flag_p50_ms"] = Math.Round(Percentile(l.Value.With, 50), 2),
                ["without_flag_p50_ms"] = Math.Round(Percentile(l.Value.Without, 50), 2),
                ["p50_ratio"] = Math.Round(Percentile(l.Value.With, 50) / Percentile(l.Value.Without, 50), 2),
            }),
            ["hits_per_answer_mean"] = Math.Round(hits / (double)queries.Count, 1),
            ["hits_judged_share"] = hits == 0 ? null : Math.Round(judged / (double)hits, 3),
            ["hits_spiked_share"] = hits == 0 ? null : Math.Round(spiked / (double)hits, 3),
            ["hits_organic_share"] = hits == 0 ? null : Math.Round(organic / (double)hits, 3),
            ["accounts_with_posts_read_per_answer_mean"] = Math.Round(accountsWithPosts / (double)queries.Count, 2),
            ["posts_read_per_answer_mean"] = Math.Round(postsRead / (double)queries.Count, 1),
            ["load_average_1m_at_start"] = loadAtStart,
            ["load_average_1m"] = BenchSettings.LoadAverage(),
        };
        Log($"{label}: {queries.Count} answers: with the flag p50 {result["with_flag_p50_ms"]} ms, without {result["without_flag_p50_ms"]} ms " +
            $"(ratio {result["p50_ratio"]}); p95 {result["with_flag_p95_ms"]} vs {result["without_flag_p95_ms"]} ms; " +
            $"{result["hits_per_answer_mean"]} hits and {result["posts_read_per_answer_mean"]} posts read per answer");
        return result;
    }

    /// <summary>One answer as the page gets it: the index's search, then the answer read out of the database.</summary>
    private static async Task<(double Ms, DiscoveryAnswer Answer)> AnswerAsync(
        GrapevineDb db, DiscoveryIndex index, DiscoveryQuery query, DiscoveryContext context, bool followerSpikes, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var result = await index.SearchAsync(query, context, ct);
        var answer = await DiscoveryAnswers.BuildAsync(db, query, result, context, "index", clock.Elapsed.TotalMilliseconds, ct, followerSpikes);
        return (clock.Elapsed.TotalMilliseconds, answer);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static GrapevineDb Open(string connectionString) => new(GrapevineDatabase.CreateOptions(connectionString));

    private static void Log(string message) => Console.Error.WriteLine($"[discovery-answer] {message}");
}
