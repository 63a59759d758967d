using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Browse;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary><c>grapevine account &lt;platform&gt; &lt;handle&gt;</c>: the profile and every metric with its definition.</summary>
public static class AccountCommand
{
    public static Command Create()
    {
        var platform = new Argument<string>("platform") { Description = string.Join(", ", CatalogueNames.Platforms) };
        var handle = new Argument<string>("handle") { Description = "The account's handle, with or without @." };
        var command = new Command("account", "Show an account's profile and metrics, each with how it was computed.") { platform, handle };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var platformText = result.GetValue(platform)!;
            if (!CatalogueNames.TryParsePlatform(platformText, out var parsed))
                throw new CliUsageException($"unknown platform '{platformText}'; one of {string.Join(", ", CatalogueNames.Platforms)}");
            await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
            var details = await new AccountLookup(db).FindAsync(parsed, result.GetValue(handle)!, ct);
            if (details is null)
            {
                Console.Error.WriteLine($"error: the catalogue has no {parsed.Name()} account '{CatalogueNames.NormalizeHandle(result.GetValue(handle)!)}'.");
                return ExitCodes.InputRejected;
            }
            if (result.GetValue(GlobalOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(details, CliJson.Options));
            else
                Render(details);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Render(AccountDetails details)
    {
        var p = details.Profile;
        var console = CliConsole.Create();
        console.Write(new Rule($"[bold]{Markup.Escape(p.DisplayName ?? p.Handle)}[/] @{Markup.Escape(p.Handle)} on {p.Platform}").LeftJustified());
        var profile = new Grid().AddColumn().AddColumn();
        void Row(string label, string? value) => profile.AddRow($"[grey]{label}[/]", Markup.Escape(value ?? "unknown"));
        Row("Followers", Count(p.Followers));
        Row("Following", Count(p.Following));
        Row("Posts", Count(p.PostsCount));
        Row("Tier", p.Tier is null ? null : $"{p.Tier} (default scheme: nano 1k–10k, micro 10k–100k, …)");
        Row("Country / language", $"{p.Country ?? "?"} / {p.Language ?? "?"}");
        Row("Category", p.Category);
        Row("Verified", p.IsVerified is null ? null : p.IsVerified.Value ? "yes" : "no");
        Row("Email", p.Email);
        Row("Link", p.ExternalUrl);
        Row("Bio", p.Bio);
        console.Write(profile);

        var metrics = new Table().Border(TableBorder.Rounded).Title("Metrics");
        metrics.AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned()).AddColumn(new TableColumn("N").RightAligned())
            .AddColumn("Window");
        foreach (var m in details.Metrics)
        {
            var value = m.Value is { } v ? Markup.Escape($"{v.ToString(v >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture)} {m.Unit}") : "[grey]unknown[/]";
            var window = m.WindowStart is { } start && m.WindowEnd is { } end ? $"{start:yyyy-MM-dd} → {end:yyyy-MM-dd}" : "";
            metrics.AddRow(Markup.Escape(m.Label), value, m.N.ToString(CultureInfo.InvariantCulture), window);
        }
        console.Write(metrics);
        console.Write(new Rule("How each metric is computed").LeftJustified());
        foreach (var m in details.Metrics)
            console.MarkupLine($"[bold]{Markup.Escape(m.Label)}[/] [grey]({Markup.Escape(m.Formula)})[/]: {Markup.Escape(m.Definition)}");
        console.MarkupLine($"[grey]{details.Snapshots.Count} snapshots, {details.RecentPosts.Count} recent posts shown on the account page.[/]");
    }

    private static string? Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture);
}
