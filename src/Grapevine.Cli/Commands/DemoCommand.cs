using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Catalogue.Demo;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary><c>grapevine demo</c>: fills the catalogue with a realistic synthetic one.</summary>
public static class DemoCommand
{
    public const int MaxCreators = 1_000_000;

    public static Command Create()
    {
        var creators = new Option<int>("--creators")
        {
            Description = $"How many creator accounts to generate (1 to {MaxCreators:N0}).",
            DefaultValueFactory = _ => 20_000,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The same seed and as-of date always give the same catalogue.",
            DefaultValueFactory = _ => 42,
        };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The demo's 'today' (YYYY-MM-DD): posts and snapshots lead up to it. Default: today (UTC).",
        };
        var command = new Command("demo",
            "Fill the catalogue with a synthetic demo (accounts, posts, stories, snapshots, follower and comment samples, metrics), " +
            "calibrated on public research data. Runs in one transaction. Existing accounts are kept: the demo upserts its own " +
            "handles, so running it again with the same seed and as-of date changes nothing. Meant for demo and test databases: " +
            "its handles are plausible and could match real accounts imported under the same names.")
        {
            creators, seed, asOf,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var count = result.GetValue(creators);
            if (count is < 1 or > MaxCreators)
                throw new CliUsageException($"--creators must be between 1 and {MaxCreators:N0}, not {count}.");
            var options = new DemoOptions(count, result.GetValue(seed), ParseAsOf(result.GetValue(asOf)));
            var json = result.GetValue(GlobalOptions.Json);
            await using var db = await GlobalOptions.OpenOrCreateDatabaseAsync(result, ct);
            var seeder = new DemoSeeder(db, TimeProvider.System);

            DemoSeedResult seeded;
            var console = CliConsole.Create();
            if (!json && !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive)
            {
                seeded = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Demo: {count:N0} creators", maxValue: 1);
                        return await seeder.SeedAsync(options, new ProgressTaskReporter(task), ct);
                    });
            }
            else
            {
                seeded = await seeder.SeedAsync(options, null, ct);
            }

            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    provider = db.Provider.ToString().ToLowerInvariant(),
                    seed = options.Seed,
                    as_of = options.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    accounts = seeded.Accounts,
                    posts = seeded.Posts,
                    snapshots = seeded.Snapshots,
                    followers = seeded.Followers,
                    comments = seeded.Comments,
                    inserted = seeded.Inserted,
                    updated = seeded.Updated,
                    seconds = Math.Round(seeded.Elapsed.TotalSeconds, 2),
                }, CliJson.Options));
            }
            else
            {
                var table = new Table().AddColumn("Rows").AddColumn(new TableColumn("Count").RightAligned());
                table.AddRow("accounts", seeded.Accounts.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("posts and stories", seeded.Posts.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("snapshots", seeded.Snapshots.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("follower samples", seeded.Followers.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("comment samples", seeded.Comments.ToString("N0", CultureInfo.InvariantCulture));
                console.Write(table);
                console.MarkupLineInterpolated(
                    $"Demo catalogue (seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd}) written to {db.Provider} in {seeded.Elapsed.TotalSeconds:0.0} s: {seeded.Inserted:N0} rows new, {seeded.Updated:N0} updated, the rest unchanged.");
            }
            return ExitCodes.Success;
        }));
        command.Subcommands.Add(CreateCalibrate());
        return command;
    }

    private static DateTime ParseAsOf(string? text)
    {
        if (text is null)
            return DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime.Date, DateTimeKind.Utc);
        if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
            throw new CliUsageException($"--as-of must be a date like 2026-11-23, not '{text}'.");
        return DateTime.SpecifyKind(date, DateTimeKind.Utc);
    }

    // For maintainers: refits calibration.json from the research data sets (which are not shipped) and
    // prints the comparison tables of docs/demo-data.md.
    private static Command CreateCalibrate()
    {
        var influencers = new Option<FileInfo>("--influencers") { Description = "Kim et al. 2020 influencers.txt.", Required = true };
        var followers = new Option<FileInfo>("--followers") { Description = "SRF labelled_1000_inclprivate.csv.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the fitted calibration.json (default: do not write)." };
        var sample = new Option<int>("--sample") { Description = "Generated accounts to compare with.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42 };
        var command = new Command("calibrate", "Fit the demo's calibration from the research data and compare a generated sample with it.")
        {
            influencers, followers, output, sample, seed,
        };
        command.Hidden = true;
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var influencersFile = result.GetValue(influencers)!;
            var followersFile = result.GetValue(followers)!;
            DemoCalibration calibration;
            using (var a = influencersFile.OpenText())
            using (var b = followersFile.OpenText())
                calibration = DemoCalibrationFitter.Fit(a, b);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, calibration.ToJson() + "\n", ct);
                Console.Error.WriteLine($"Wrote {file.FullName}.");
            }
            using (var a = influencersFile.OpenText())
            using (var b = followersFile.OpenText())
            {
                var asOf = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
                Console.WriteLine(DemoCalibrationReport.Build(a, b, calibration, result.GetValue(sample), result.GetValue(seed), asOf));
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    private sealed class ProgressTaskReporter(ProgressTask task) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value)
        {
            task.Value = value.Fraction;
            task.Description = value.Stage;
        }
    }
}
