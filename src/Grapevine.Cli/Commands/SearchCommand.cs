using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
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
        var options = new Dictionary<string, Option<string?>>
        {
            [DiscoveryFields.Platform] = Text(DiscoveryFields.Platform, "Platforms, comma separated: instagram, tiktok, youtube, x, facebook, twitch, pinterest."),
            [DiscoveryFields.Tier] = Text(DiscoveryFields.Tier, "Tiers, comma separated: emerging, nano, micro, macro, mega."),
            [DiscoveryFields.Country] = Text(DiscoveryFields.Country, "Two-letter country codes, comma separated (US,GB)."),
            [DiscoveryFields.Language] = Text(DiscoveryFields.Language, "Language codes, comma separated (en,es)."),
            [DiscoveryFields.Niche] = Text(DiscoveryFields.Niche, "Niches, comma separated (fitness,food); they also rank by niche match."),
            [DiscoveryFields.MinFollowers] = Text(DiscoveryFields.MinFollowers, "At least this many followers (10000, 10k)."),
            [DiscoveryFields.MaxFollowers] = Text(DiscoveryFields.MaxFollowers, "At most this many followers (100k)."),
            [DiscoveryFields.MinEr] = Text(DiscoveryFields.MinEr, "Engagement rate by followers at least, in percent (2.5)."),
            [DiscoveryFields.MaxEr] = Text(DiscoveryFields.MaxEr, "Engagement rate by followers at most, in percent."),
            [DiscoveryFields.MinAuthenticity] = Text(DiscoveryFields.MinAuthenticity, "Share of real followers at least, in percent (0-100)."),
            [DiscoveryFields.MaxPrice] = Text(DiscoveryFields.MaxPrice, "Estimated price of the default deliverable at most, in US dollars."),
            [DiscoveryFields.PostedWithin] = Text(DiscoveryFields.PostedWithin, "Posted within this many days."),
            [DiscoveryFields.MaxSponsored] = Text(DiscoveryFields.MaxSponsored, "Sponsored share of recent posts at most, in percent."),
            [DiscoveryFields.Sort] = Text(DiscoveryFields.Sort, "fit (default), er, followers, price or growth."),
            [DiscoveryFields.Limit] = Text(DiscoveryFields.Limit, $"How many accounts, 1 to {DiscoveryQuery.MaxLimit} (default {DiscoveryQuery.DefaultLimit})."),
            [DiscoveryFields.TagWindow] = Text(DiscoveryFields.TagWindow, $"Days within which #hashtags and @mentions count (default {DiscoveryQuery.DefaultTagWindowDays})."),
            [DiscoveryFields.Weights] = Text(DiscoveryFields.Weights, "Fit weights to change, e.g. niche=0.4,cost=0.2."),
        };
        var hasEmail = new Option<bool>("--has-email") { Description = "Only accounts with a contact e-mail." };
        var verified = new Option<string?>("--verified")
        {
            Description = "Only verified accounts (--verified or --verified true), or only unverified ones (--verified false).",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var command = new Command("search",
            "Find creators: text with #hashtags and @mentions, filters, and a ranking by brand fit (niche, audience, engagement, " +
            "audience quality, cost, recency, brand safety) with the part each one contributes. Prices are estimates (rate cards belong to workspaces).")
        {
            text, hasEmail, verified,
        };
        foreach (var option in options.Values)
            command.Options.Add(option);

        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var words = result.GetValue(text) ?? [];
            // The text takes any word, so a mistyped option would otherwise become search text.
            if (words.FirstOrDefault(w => w.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
                throw new CliUsageException($"unknown option '{unknown}'; run 'grapevine search --help' for the options");
            var input = new DiscoveryQueryInput
            {
                Text = string.Join(' ', words),
                Platform = result.GetValue(options[DiscoveryFields.Platform]),
                Tier = result.GetValue(options[DiscoveryFields.Tier]),
                Country = result.GetValue(options[DiscoveryFields.Country]),
                Language = result.GetValue(options[DiscoveryFields.Language]),
                Niche = result.GetValue(options[DiscoveryFields.Niche]),
                MinFollowers = result.GetValue(options[DiscoveryFields.MinFollowers]),
                MaxFollowers = result.GetValue(options[DiscoveryFields.MaxFollowers]),
                MinEr = result.GetValue(options[DiscoveryFields.MinEr]),
                MaxEr = result.GetValue(options[DiscoveryFields.MaxEr]),
                MinAuthenticity = result.GetValue(options[DiscoveryFields.MinAuthenticity]),
                MaxPrice = result.GetValue(options[DiscoveryFields.MaxPrice]),
                PostedWithin = result.GetValue(options[DiscoveryFields.PostedWithin]),
                HasEmail = result.GetValue(hasEmail) ? "true" : null,
                MaxSponsored = result.GetValue(options[DiscoveryFields.MaxSponsored]),
                Verified = result.GetResult(verified) is null ? null : result.GetValue(verified) ?? "true",
                Sort = result.GetValue(options[DiscoveryFields.Sort]),
                Limit = result.GetValue(options[DiscoveryFields.Limit]),
                TagWindow = result.GetValue(options[DiscoveryFields.TagWindow]),
                Weights = result.GetValue(options[DiscoveryFields.Weights]),
            };
            var query = Parse(input);
            await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
            var answer = await DiscoveryAnswers.SearchAsync(new DiscoveryService(db, Time), db, query, Time, ct);
            if (result.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(answer, CliJson.Options));
            else
                Render(answer, query);
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

    private static Option<string?> Text(string field, string description) => new(DiscoveryFields.Option(field)) { Description = description };

    /// <summary>A console as wide as the terminal, or wide enough for the whole table when output goes to a file or pipe.</summary>
    internal static IAnsiConsole WideConsole()
    {
        var console = CliConsole.Create();
        if (!console.Profile.Out.IsTerminal)
            console.Profile.Width = Math.Max(console.Profile.Width, 160);
        return console;
    }

    private static void Render(DiscoveryAnswer answer, DiscoveryQuery query)
    {
        var console = WideConsole();
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
        foreach (var h in answer.Hits)
        {
            table.AddRow(
                h.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape("@" + h.Handle), h.Platform, Known(h.Followers?.ToString("N0", CultureInfo.InvariantCulture)),
                Known(h.Tier), Known(h.PrimaryNiche), Known(h.EngagementRate is { } er ? er.ToString("0.00", CultureInfo.InvariantCulture) + "%" : null),
                Known(Price(h.Price)), h.Score.ToString("0.000", CultureInfo.InvariantCulture));
        }
        console.Write(table);
        var sort = query.Sort == DiscoverySort.Fit ? "fit" : DiscoveryQueryParser.SortName(query.Sort);
        console.MarkupLine($"{answer.Total.ToString("N0", CultureInfo.InvariantCulture)} {(answer.Total == 1 ? "account matches" : "accounts match")}; " +
            $"top {answer.Hits.Count} by {sort}. [grey]engine {answer.Engine}, {Ms(answer.ElapsedMs)}[/]");
        Facet(console, "Tiers", answer.Facets.Tiers);
        Facet(console, "Platforms", answer.Facets.Platforms);
        Facet(console, "Countries", answer.Facets.Countries);
        Facet(console, "Niches", answer.Facets.Niches);
        console.MarkupLine("[grey]Fit is the weighted sum of niche, audience, engagement, quality, cost, recency and safety; --json shows each part and why.[/]");
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
