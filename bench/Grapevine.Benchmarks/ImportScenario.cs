using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Grapevine.Benchmarks;

/// <summary>
/// <c>import</c>: writes an accounts CSV and a posts CSV (N posts over N/50 accounts), imports the
/// accounts, then times the posts import end to end (file → parsed → upserted → metrics recomputed
/// → committed) on a fresh SQLite file and a fresh PostgreSQL database, then the same file again.
/// </summary>
public static class ImportScenario
{
    private const int PostsPerAccount = 50;

    public static async Task<object> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        var rows = settings.Size ?? 1_000_000;
        var accounts = Math.Max(1, rows / PostsPerAccount);
        var folder = Directory.CreateTempSubdirectory("grapevine-bench-import-");
        try
        {
            var accountsFile = Path.Combine(folder.FullName, "accounts.csv");
            var postsFile = Path.Combine(folder.FullName, "posts.csv");
            var generated = Stopwatch.StartNew();
            WriteFiles(accountsFile, postsFile, rows, accounts, settings.Seed);
            Log($"wrote {rows:N0} posts over {accounts:N0} accounts ({new FileInfo(postsFile).Length / 1e6:0} MB) in {generated.Elapsed.TotalSeconds:0.0} s");

            var sqlitePath = Path.Combine(folder.FullName, "bench.db");
            var sqlite = await MeasureAsync("sqlite", $"Data Source={sqlitePath};Pooling=False", null, accountsFile, postsFile, rows, ct);

            Dictionary<string, object?>? postgres = null;
            if (string.IsNullOrWhiteSpace(settings.PostgresServer))
            {
                Log("no PostgreSQL server (--postgres or $GRAPEVINE_TEST_POSTGRES): postgres_rows_per_s is null");
            }
            else
            {
                postgres = await ThrowawayPostgres.WithDatabaseAsync(settings.PostgresServer, connection => MeasureAsync("postgres", connection, settings.PostgresSql, accountsFile, postsFile, rows, ct), ct);
            }

            return new Dictionary<string, object?>
            {
                ["scenario"] = "import",
                ["rows"] = rows,
                ["accounts"] = accounts,
                ["seed"] = settings.Seed,
                ["posts_file_mb"] = Math.Round(new FileInfo(postsFile).Length / 1e6, 1),
                ["postgres_setup_sql"] = settings.PostgresSql,
                ["sqlite_rows_per_s"] = sqlite["rows_per_s"],
                ["postgres_rows_per_s"] = postgres?["rows_per_s"],
                ["sqlite_reimport_rows_per_s"] = sqlite["reimport_rows_per_s"],
                ["postgres_reimport_rows_per_s"] = postgres?["reimport_rows_per_s"],
                ["sqlite"] = sqlite,
                ["postgres"] = postgres,
            };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Dictionary<string, object?>> MeasureAsync(
        string label, string connectionString, string? setupSql, string accountsFile, string postsFile, int rows, CancellationToken ct)
    {
        await using (var db = Open(connectionString))
        {
            await GrapevineDatabase.MigrateAsync(db, ct);
            if (!string.IsNullOrWhiteSpace(setupSql))
            {
                Log($"{label}: after the migrations: {setupSql}");
                await db.Database.ExecuteSqlRawAsync(setupSql, ct);
            }
        }

        var accounts = await ImportAsync(connectionString, accountsFile, ImportKind.Accounts, ct);
        Log($"{label}: accounts imported in {accounts.Seconds:0.00} s");

        var load = LoadAverage();
        var server = await ServerCpu.OpenAsync(connectionString, ct);
        var serverCpu = server?.Seconds();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var posts = await ImportAsync(connectionString, postsFile, ImportKind.Posts, ct);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        double? serverSeconds = serverCpu is { } s0 ? Math.Round(server!.Seconds() - s0, 2) : null;
        if (posts.Inserted != rows)
            throw new InvalidOperationException($"{label}: expected {rows} new posts, got {posts.Inserted} ({posts.FileError ?? $"{posts.Rejected} rejected"})");
        Log($"{label}: {rows:N0} posts in {seconds:0.00} s = {rows / seconds:N0} rows/s, client CPU {cpuSeconds:0.0} s, server CPU {serverSeconds:0.0} s, load {load} " +
            $"(read {posts.Timings!.Read:0.00} s, write {posts.Timings.Write:0.00} s, metrics {posts.Timings.Metrics:0.00} s for {posts.AccountsRecomputed:N0} accounts, search profiles {posts.Timings.Profiles:0.00} s, commit {posts.Timings.Commit:0.00} s)");

        if (posts.ProfileRefresh is { } refresh)
        {
            Log($"{label}: search profiles: read {refresh.ReadSeconds:0.00} s, build {refresh.BuildSeconds:0.00} s, write {refresh.WriteSeconds:0.00} s, " +
                $"percentiles {refresh.PercentileSeconds:0.00} s; {refresh.ProfilesWritten:N0} profiles and {refresh.ChildRowsWritten:N0} niche/term rows written");
        }

        clock.Restart();
        var again = await ImportAsync(connectionString, postsFile, ImportKind.Posts, ct);
        var reimport = clock.Elapsed.TotalSeconds;
        if (again.Unchanged != rows)
            throw new InvalidOperationException($"{label}: the re-import changed {rows - again.Unchanged} rows");
        Log($"{label}: re-import (nothing changes) in {reimport:0.00} s = {rows / reimport:N0} rows/s");

        return new Dictionary<string, object?>
        {
            ["rows_per_s"] = Math.Round(rows / seconds),
            ["seconds"] = Math.Round(seconds, 2),
            ["read_s"] = posts.Timings.Read,
            ["write_s"] = posts.Timings.Write,
            ["metrics_s"] = posts.Timings.Metrics,
            ["profiles_s"] = posts.Timings.Profiles,
            ["commit_s"] = posts.Timings.Commit,
            ["profiles_read_s"] = posts.ProfileRefresh?.ReadSeconds,
            ["profiles_build_s"] = posts.ProfileRefresh?.BuildSeconds,
            ["profiles_write_s"] = posts.ProfileRefresh?.WriteSeconds,
            ["profiles_percentiles_s"] = posts.ProfileRefresh?.PercentileSeconds,
            ["accounts_recomputed"] = posts.AccountsRecomputed,
            ["client_cpu_s"] = Math.Round(cpuSeconds, 2),
            ["server_cpu_s"] = serverSeconds,
            ["load_average_1m"] = load,
            ["accounts_import_s"] = accounts.Seconds,
            ["accounts_import_metrics_s"] = accounts.Timings?.Metrics ?? 0,
            ["accounts_import_profiles_s"] = accounts.Timings?.Profiles ?? 0,
            ["reimport_s"] = Math.Round(reimport, 2),
            ["reimport_rows_per_s"] = Math.Round(rows / reimport),
        };
    }

    private static async Task<ImportReport> ImportAsync(string connectionString, string file, ImportKind kind, CancellationToken ct)
    {
        await using var db = Open(connectionString);
        return await new CatalogueImporter(db, TimeProvider.System).ImportFileAsync(file, kind, null, ct);
    }

    private static GrapevineDb Open(string connectionString) => new(GrapevineDatabase.CreateOptions(connectionString));

    private static readonly string[] Words =
    [
        "morning", "coffee", "recipe", "today", "new", "love", "weekend", "outfit", "summer", "travel", "sunset", "homemade",
        "favourite", "quick", "healthy", "vibes", "friends", "city", "beach", "workout", "style", "cozy", "details", "light",
    ];

    private static readonly string[] Tags =
    [
        "food", "foodie", "vegan", "fitness", "ootd", "travel", "photography", "skincare", "makeup", "homedecor", "coffee",
        "bakery", "running", "yoga", "instafood", "style", "nature", "petsofinstagram", "ad", "sponsored",
    ];

    /// <summary>Realistic shapes: posts grouped by account (as scrapers export them), counts skewed, insights often missing.</summary>
    private static void WriteFiles(string accountsFile, string postsFile, int rows, int accounts, int seed)
    {
        var random = new Random(seed);
        var followers = new long[accounts];
        using (var writer = new StreamWriter(accountsFile, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("platform,handle,display_name,followers,following,posts_count,country,language,bio,email,external_url,is_verified,is_private,has_profile_pic,category\n");
            for (var a = 0; a < accounts; a++)
            {
                followers[a] = (long)Math.Exp(7 + random.NextDouble() * 5.5);
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"instagram,creator_{a:D7},Creator {a},{followers[a]},{random.Next(50, 3000)},{random.Next(20, 2000)},US,en,\"Food, travel and coffee\",,,false,false,true,food\n"));
            }
        }
        var start = new DateTime(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var caption = new StringBuilder();
        using var posts = new StreamWriter(postsFile, false, new UTF8Encoding(false), 1 << 16);
        posts.Write("platform,handle,post_id,posted_at,type,caption,likes,comments,shares,saves,views,reach,impressions,is_paid_partnership\n");
        for (var i = 0; i < rows; i++)
        {
            var a = Math.Min(accounts - 1, i / PostsPerAccount);
            var roll = random.NextDouble();
            var type = roll < 0.4 ? "photo" : roll < 0.6 ? "carousel" : roll < 0.9 ? "reel" : roll < 0.95 ? "video" : "story";
            var postedAt = start.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var likes = (long)(followers[a] * (0.01 + random.NextDouble() * 0.06));
            var video = type is "reel" or "video";
            caption.Clear();
            for (var w = random.Next(4, 18); w > 0; w--)
                caption.Append(Words[random.Next(Words.Length)]).Append(' ');
            for (var t = random.Next(0, 6); t > 0; t--)
                caption.Append('#').Append(Tags[random.Next(Tags.Length)]).Append(' ');
            if (random.NextDouble() < 0.2)
                caption.Append("with @creator_").Append(random.Next(accounts).ToString("D7", CultureInfo.InvariantCulture));
            var insights = random.NextDouble() < 0.5;
            posts.Write(string.Create(CultureInfo.InvariantCulture,
                $"instagram,creator_{a:D7},P{i:D9},{postedAt:yyyy-MM-ddTHH:mm:ssZ},{type},\"{caption}\",{likes},{likes / random.Next(20, 80)}," +
                $"{(video ? (likes / 10).ToString(CultureInfo.InvariantCulture) : "")},{(insights ? (likes / 8).ToString(CultureInfo.InvariantCulture) : "")}," +
                $"{(video ? (likes * random.Next(8, 30)).ToString(CultureInfo.InvariantCulture) : "")}," +
                $"{(insights ? (followers[a] * random.Next(20, 60) / 100).ToString(CultureInfo.InvariantCulture) : "")}," +
                $"{(insights ? (followers[a] * random.Next(30, 90) / 100).ToString(CultureInfo.InvariantCulture) : "")}," +
                $"{(random.NextDouble() < 0.05 ? "true" : "false")}\n"));
        }
    }

    /// <summary>The machine is shared: the 1-minute load average says how much of it the run had.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : -1;

    private static void Log(string message) => Console.Error.WriteLine($"[import] {message}");
}
