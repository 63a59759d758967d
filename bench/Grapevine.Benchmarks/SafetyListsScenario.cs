using System.Diagnostics;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Query;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>discovery-safety</c>: what a Discover answer pays to count its hits' flagged texts with a workspace's own
/// brand-safety lists (<see cref="HitFlaggedTexts"/>), against the default lists (read back from the profiles, as before
/// workspaces' lists applied). A demo catalogue of N creators (default 5,000) with its search profiles; then 200 pages of
/// 25 and 200 pages of 200 hits (profiles drawn at random), each counted with the default lists and with edited lists
/// (alcohol + "prosecco", − "gin"), alternating. The search itself (engines) is not part of it: they do not change.
/// SQLite, and PostgreSQL when a server is given.
/// </summary>
public static class SafetyListsScenario
{
    private const int Pages = 200;

    public static async Task<object> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var creators = settings.Size ?? 5_000;
        var folder = Directory.CreateTempSubdirectory("grapevine-bench-safety-");
        try
        {
            var sqlite = await MeasureAsync("sqlite", $"Data Source={Path.Combine(folder.FullName, "bench.db")}", creators, settings.Seed, ct);
            Dictionary<string, object>? postgres = null;
            if (!string.IsNullOrWhiteSpace(settings.PostgresServer))
            {
                postgres = await ThrowawayPostgres.WithDatabaseAsync(settings.PostgresServer, connection => MeasureAsync("postgres", connection, creators, settings.Seed, ct), ct);
            }
            return new Dictionary<string, object?>
            {
                ["scenario"] = "discovery-safety",
                ["creators"] = creators,
                ["pages"] = Pages,
                ["seed"] = settings.Seed,
                ["load_average_1m"] = BenchSettings.LoadAverage(),
                ["sqlite"] = sqlite,
                ["postgres"] = postgres,
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, object>> MeasureAsync(string label, string connectionString, int creators, int seed, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var asOf = DateTime.SpecifyKind(time.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        var clock = Stopwatch.StartNew();
        await using (var db = Open(connectionString))
        {
            await GrapevineDatabase.MigrateAsync(db, ct);
            await new DemoSeeder(db, time).SeedAsync(new DemoOptions(creators, seed, asOf), null, ct);
        }
        Log($"{label}: {creators:N0} creators with their search profiles written in {clock.Elapsed.TotalSeconds:0.0} s");

        var defaults = new WorkspaceLexicon(BrandSafetyLexicon.Default, false, true);
        var edited = new WorkspaceLexicon(new BrandSafetyLexicon([.. BrandSafetyLexicon.Default.Categories.Select(c => c.Name == "alcohol"
            ? new BrandSafetyCategory(c.Name, [.. c.Keywords.Where(k => k != "gin").Append("prosecco")])
            : c)]), true, true);
        List<SearchProfile> profiles;
        await using (var db = Open(connectionString))
            profiles = await db.SearchProfiles.AsNoTracking().ToListAsync(ct);
        var random = new Random(seed);
        var result = new Dictionary<string, object> { ["accounts"] = profiles.Count };
        foreach (var pageSize in new[] { 25, DiscoveryQuery.MaxLimit })
        {
            var (before, after) = (new double[Pages], new double[Pages]);
            long flaggedDefault = 0, flaggedEdited = 0;
            // Warm-up: the pool, the JIT and the scanner's compiled lexicons.
            for (var i = 0; i < 10; i++)
            {
                await CountAsync(connectionString, Page(profiles, random, pageSize), defaults, ct);
                await CountAsync(connectionString, Page(profiles, random, pageSize), edited, ct);
            }
            for (var i = 0; i < Pages; i++)
            {
                var page = Page(profiles, random, pageSize);
                clock.Restart();
                flaggedDefault += (await CountAsync(connectionString, page, defaults, ct)).Values.Sum(v => v ?? 0);
                before[i] = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                flaggedEdited += (await CountAsync(connectionString, page, edited, ct)).Values.Sum(v => v ?? 0);
                after[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(before);
            Array.Sort(after);
            result[$"page_{pageSize}"] = new Dictionary<string, object>
            {
                ["default_lists_p50_ms"] = Math.Round(before[Pages / 2], 3),
                ["default_lists_p95_ms"] = Math.Round(before[(int)Math.Ceiling(0.95 * Pages) - 1], 3),
                ["workspace_lists_p50_ms"] = Math.Round(after[Pages / 2], 3),
                ["workspace_lists_p95_ms"] = Math.Round(after[(int)Math.Ceiling(0.95 * Pages) - 1], 3),
                ["flagged_texts_default"] = flaggedDefault,
                ["flagged_texts_workspace"] = flaggedEdited,
            };
            Log($"{label}: page of {pageSize}: default lists p50 {before[Pages / 2]:0.00} ms, workspace lists p50 {after[Pages / 2]:0.00} ms");
        }
        return result;
    }

    private static List<SearchProfile> Page(List<SearchProfile> profiles, Random random, int size) =>
        [.. Enumerable.Range(0, size).Select(_ => profiles[random.Next(profiles.Count)]).DistinctBy(p => p.AccountId)];

    // A fresh context per page, as each API request has.
    private static async Task<Dictionary<long, int?>> CountAsync(string connectionString, List<SearchProfile> page, WorkspaceLexicon lexicon, CancellationToken ct)
    {
        await using var db = Open(connectionString);
        return await HitFlaggedTexts.CountAsync(db, page, lexicon, ct);
    }

    private static GrapevineDb Open(string connectionString) => new(GrapevineDatabase.CreateOptions(connectionString));

    private static void Log(string message) => Console.Error.WriteLine($"[discovery-safety] {message}");
}
