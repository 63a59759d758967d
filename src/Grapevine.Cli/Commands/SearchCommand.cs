using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
using Grapevine.Core.Vetting;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary><c>grapevine search [TEXT] [filters]</c>: discovery from the command line, ranked by brand fit unless sorted otherwise.</summary>
public static class SearchCommand
{
    // The clock searches are answered at; tests set their own.
    internal static TimeProvider Time { get; set; } = TimeProvider.System;

    public static Command Create()
    {
        var text = new Argument<string[]>("TEXT")
        {
            Description = "Words, #hashtags and @mentions; every one must match. Quote it in a shell: grapevine search \"vegan #glutenfree @oatly\".",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var options = new SearchOptions();

        var command = new Command("search",
            "Find creators: text with #hashtags and @mentions, filters, and a ranking by brand fit (niche, brand keywords, audience, engagement, " +
            "audience quality, cost, recency, brand safety) with the part each one contributes. Prices are estimates (rate cards belong to workspaces).")
        {
            text,
        };
        // The web page is called Discover; someone coming from it types that.
        command.Aliases.Add("discover");
        options.AddTo(command);

        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var words = result.GetValue(text) ?? [];
            // The text takes any word, so a mistyped option would otherwise become search text.
            if (words.FirstOrDefault(w => w.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
                throw new CliUsageException($"unknown option '{unknown}'; run 'grapevine search --help' for the options");
            var input = options.Read(result, string.Join(' ', words));
            var query = Parse(input);
            await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
            var answer = await DiscoveryAnswers.SearchAsync(new DiscoveryService(db, Time), db, query, Time, ct);
            if (result.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(answer, CliJson.Options));
            else
                Render(answer, query, answer.Hits.Count == 0 && !await db.Accounts.AnyAsync(ct));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Parses or throws a usage error listing every bad option (exit code 2).</summary>
    internal static DiscoveryQuery Parse(DiscoveryQueryInput input)
    {
        if (DiscoveryQueryParser.TryParse(input, out var query, out var errors))
            return query;
        throw new CliUsageException(string.Join(Environment.NewLine + "error: ",
            errors.Select(e => $"{DiscoveryFields.Option(e.Key)}: {string.Join(" ", e.Value)}")));
    }

    /// <summary>A console as wide as the terminal, or wide enough for the whole table when output goes to a file or pipe.</summary>
    internal static IAnsiConsole WideConsole()
    {
        var console = CliConsole.Create();
        if (!console.Profile.Out.IsTerminal)
            console.Profile.Width = Math.Max(console.Profile.Width, 160);
        return console;
    }

    private static void Render(DiscoveryAnswer answer, DiscoveryQuery query, bool catalogueEmpty)
    {
        var console = WideConsole();
        // In a file or pipe, each follower spike's sentence stays on one line: a line per account is what grep needs.
        if (!console.Profile.Out.IsTerminal)
            console.Profile.Width = Math.Max(console.Profile.Width, 320);
        foreach (var notice in answer.Notices)
            console.MarkupLine($"[yellow]note[/]: {DiscoveryFields.Option(notice.Field)}: {Markup.Escape(notice.Message)}");
        if (catalogueEmpty)
        {
            console.MarkupLine("The catalogue is empty: import creators with 'grapevine import FILE --kind accounts' or make demo data with 'grapevine demo --creators 1000'.");
            return;
        }
        if (answer.Hits.Count == 0 && answer.Total > 0)
        {
            console.MarkupLine($"{answer.Total.ToString("N0", CultureInfo.InvariantCulture)} {(answer.Total == 1 ? "account matches" : "accounts match")}, " +
                $"none after the first {query.Offset.ToString("N0", CultureInfo.InvariantCulture)} (--offset).");
            return;
        }
        if (answer.Hits.Count == 0)
        {
            console.MarkupLine("No accounts match. Widen the follower or engagement ranges, drop a filter, or try fewer words.");
            console.MarkupLine($"[grey]engine {answer.Engine}, {Ms(answer.ElapsedMs)}[/]");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned()).AddColumn("Handle").AddColumn("Platform").AddColumn(new TableColumn("Followers").RightAligned())
            .AddColumn("Tier").AddColumn("Niche").AddColumn(new TableColumn("ER").RightAligned()).AddColumn(new TableColumn("Price").RightAligned())
            .AddColumn(new TableColumn("Fit").RightAligned());
        // Sorted by growth, the number it is sorted by is shown too (as on the Discover page).
        var growth = query.Sort == DiscoverySort.Growth;
        if (growth)
            table.AddColumn(new TableColumn("Growth 30 d").RightAligned());
        foreach (var h in answer.Hits)
        {
            string[] row =
            [
                h.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape("@" + h.Handle), h.Platform, Known(h.Followers?.ToString("N0", CultureInfo.InvariantCulture)),
                Known(h.Tier), Known(h.PrimaryNiche), Known(h.EngagementRate is { } er ? er.ToString("0.00", CultureInfo.InvariantCulture) + "%" : null),
                Known(Price(h.Price)), h.Score.ToString("0.000", CultureInfo.InvariantCulture),
            ];
            table.AddRow(growth ? [.. row, Known(h.Growth is { } g ? g.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : null)] : row);
        }
        console.Write(table);
        var sort = query.Sort == DiscoverySort.Fit ? "fit" : DiscoveryQueryParser.SortName(query.Sort);
        console.MarkupLine($"{answer.Total.ToString("N0", CultureInfo.InvariantCulture)} {(answer.Total == 1 ? "account matches" : "accounts match")}; " +
            $"{Shown(answer, query)} by {sort}. [grey]engine {answer.Engine}, {Ms(answer.ElapsedMs)}[/]");
        Spikes(console, answer.Hits);
        Facet(console, "Tiers", answer.Facets.Tiers);
        Facet(console, "Platforms", answer.Facets.Platforms);
        Facet(console, "Countries", answer.Facets.Countries);
        Facet(console, "Niches", answer.Facets.Niches);
        if (growth)
        {
            console.MarkupLine("[grey]Growth is the change in followers over the last 30 days, from snapshots. A fast rise can be bought: " +
                "the ⚠ and ↑ lines under the table judge each follower spike against the posts around it, and 'grapevine vet PLATFORM HANDLE' has the whole check.[/]");
        }
        console.MarkupLine("[grey]Fit is the weighted sum of niche, keywords, audience, engagement, quality, cost, recency and safety; --json shows each part and why.[/]");
    }

    // "top 20", or "21–40" past the first page.
    private static string Shown(DiscoveryAnswer answer, DiscoveryQuery query) => query.Offset == 0
        ? $"top {answer.Hits.Count}"
        : $"{(query.Offset + 1).ToString("N0", CultureInfo.InvariantCulture)}–{(query.Offset + answer.Hits.Count).ToString("N0", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The shown accounts whose snapshots have a follower spike, judged as the vetting report judges it (organic when a post
    /// went viral with it), and how many have too few snapshots to say.
    /// </summary>
    private static void Spikes(IAnsiConsole console, IReadOnlyList<DiscoveryHitView> hits)
    {
        foreach (var h in hits)
        {
            if (h.FollowerSpike is not { Spiked: true } spike)
                continue;
            var line = $"@{h.Handle}: {spike.Why?.TrimEnd('.')}; {spike.Spikes} {(spike.Spikes == 1 ? "spike" : "spikes")} in {spike.Intervals} snapshot intervals.";
            console.MarkupLine(Markup.Escape(spike.Organic == true
                ? $"↑ {line}"
                : $"⚠ {line} 'grapevine vet {h.Platform} {h.Handle}' for the full report."));
        }
        var unknown = hits.Count(h => h.FollowerSpike is null);
        if (unknown > 0)
        {
            console.MarkupLine($"[grey]Follower spikes: {unknown.ToString("N0", CultureInfo.InvariantCulture)} of the {hits.Count.ToString("N0", CultureInfo.InvariantCulture)} shown " +
                $"{(unknown == 1 ? "has" : "have")} fewer than {FollowerSpikes.MinIntervals} snapshot intervals, too few to say.[/]");
        }
    }

    private static void Facet(IAnsiConsole console, string label, IReadOnlyDictionary<string, int> counts)
    {
        var top = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(10)
            .Select(c => $"{(c.Key.Length == 0 ? "unknown" : c.Key)} {c.Value.ToString("N0", CultureInfo.InvariantCulture)}");
        console.MarkupLine($"[bold]{label}[/]: {Markup.Escape(string.Join(", ", top))}{(counts.Count > 10 ? ", …" : "")}");
    }

    private static string? Price(DiscoveryPrice? price) => price is null ? null
        : "$" + price.Usd.ToString("N0", CultureInfo.InvariantCulture) + (price.Source == DiscoveryPrice.RateCard ? " (card)" : "");

    private static string Known(string? value) => value is null ? "[grey]unknown[/]" : Markup.Escape(value);

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " ms";
}
