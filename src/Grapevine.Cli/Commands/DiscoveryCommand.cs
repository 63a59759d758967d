using System.CommandLine;
using System.Text.Json;
using Grapevine.Core.Discovery.Profiles;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary><c>grapevine discovery refresh</c>: rebuilds every account's search profile.</summary>
public static class DiscoveryCommand
{
    public static Command Create()
    {
        var refresh = new Command("refresh",
            "Rebuild the search profile of every account (niches, words, hashtags and mentions, price estimate, engagement " +
            "percentile …) from the catalogue, in one transaction. Imports and the demo keep profiles in step on their own; " +
            "run this after changing the niche taxonomy, the pricing table or the stop words, or to repair.");
        refresh.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var json = result.GetValue(GlobalOptions.Json);
            await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
            var refresher = new SearchProfileRefresher(db, TimeProvider.System);
            SearchProfileRefreshReport report;
            var console = CliConsole.Create();
            if (!json && !Console.IsOutputRedirected && console.Profile.Capabilities.Interactive)
            {
                report = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Search profiles", maxValue: 1);
                        return await refresher.RefreshAllAsync(ct, new TaskProgress(task));
                    });
            }
            else
            {
                report = await refresher.RefreshAllAsync(ct);
            }

            if (json)
            {
                // The keys of import's profileRefresh, which reports the same refresh for the accounts an import touched.
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    provider = db.Provider.ToString().ToLowerInvariant(),
                    report.Accounts,
                    report.ProfilesWritten,
                    report.ChildRowsWritten,
                    report.Groups,
                    report.Seconds,
                    report.ReadSeconds,
                    report.BuildSeconds,
                    report.WriteSeconds,
                    report.PercentileSeconds,
                }, CliJson.Options));
            }
            else
            {
                console.MarkupLineInterpolated(
                    $"Refreshed the search profiles of {report.Accounts:N0} accounts in {report.Seconds:0.0} s: {report.ProfilesWritten:N0} profiles and {report.ChildRowsWritten:N0} niche and term rows written, engagement percentiles of {report.Groups} platform and tier groups recomputed.");
            }
            return ExitCodes.Success;
        }));
        var command = new Command("discovery", "Discovery maintenance.");
        command.Subcommands.Add(refresh);
        return command;
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }
}
