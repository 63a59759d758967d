using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Engine;
using Grapevine.Core.Discovery.Query;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary><c>grapevine lookalikes &lt;platform&gt; &lt;handle&gt;</c>: creators like one account, with the reason for each.</summary>
public static class LookalikesCommand
{
    public static Command Create()
    {
        var platform = new Argument<string>("platform") { Description = string.Join(", ", CatalogueNames.Platforms) };
        var handle = new Argument<string>("handle") { Description = "The account's handle, with or without @." };
        var limit = new Option<string?>("--limit") { Description = "How many, 1 to 200 (default 20)." };
        var command = new Command("lookalikes",
            "Find creators like one account: same platform, ranked by niche similarity, shared #hashtags and @mentions, and size, each with the reason.")
        {
            platform, handle, limit,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var platformText = result.GetValue(platform)!;
            if (!CatalogueNames.TryParsePlatform(platformText, out var parsed))
                throw new CliUsageException($"unknown platform '{platformText}'; one of {string.Join(", ", CatalogueNames.Platforms)}");
            var query = SearchCommand.Parse(new DiscoveryQueryInput { Limit = result.GetValue(limit) });
            var name = CatalogueNames.NormalizeHandle(result.GetValue(handle)!);
            await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
            var answer = await LookalikeAnswer.FindAsync(new DiscoveryService(db, SearchCommand.Time), db, parsed, name, query.Limit, ct);
            if (answer is null)
            {
                var known = await new Grapevine.Core.Catalogue.Browse.AccountLookup(db).FindIdAsync(parsed, name, ct) is not null;
                Console.Error.WriteLine(known
                    ? $"error: discovery has not profiled {parsed.Name()} account '{name}' yet; profiles are built after imports."
                    : $"error: the catalogue has no {parsed.Name()} account '{name}'.");
                return ExitCodes.InputRejected;
            }
            if (result.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(answer, CliJson.Options));
            else
                Render(answer);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Render(LookalikeAnswer answer)
    {
        var console = SearchCommand.WideConsole();
        var of = answer.Of;
        console.Write(new Rule($"Creators like @{Markup.Escape(of.Handle)} on {of.Platform}").LeftJustified());
        if (answer.Hits.Count == 0)
        {
            console.MarkupLine("None found: no account on this platform shares a niche or a #hashtag/@mention with it.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned()).AddColumn("Handle").AddColumn(new TableColumn("Followers").RightAligned()).AddColumn("Tier")
            .AddColumn("Niche").AddColumn(new TableColumn("Similarity").RightAligned()).AddColumn("Why");
        foreach (var h in answer.Hits)
        {
            table.AddRow(
                h.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape("@" + h.Handle),
                h.Followers?.ToString("N0", CultureInfo.InvariantCulture) ?? "[grey]unknown[/]", Markup.Escape(h.Tier ?? "unknown"),
                Markup.Escape(h.PrimaryNiche ?? "unknown"), h.Score.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(h.Reason));
        }
        console.Write(table);
        console.MarkupLine($"[grey]{Markup.Escape(char.ToUpperInvariant(LookalikeAnswer.Formula[0]) + LookalikeAnswer.Formula[1..])}; --json shows each part.[/]");
    }
}
