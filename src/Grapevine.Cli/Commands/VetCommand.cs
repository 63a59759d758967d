using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Authenticity;
using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Vetting;
using Spectre.Console;

namespace Grapevine.Cli.Commands;

/// <summary>
/// <c>grapevine vet &lt;platform&gt; &lt;handle&gt;...</c>: the vetting report of each account, an overall verdict with its
/// reasons and every signal; <c>--csv</c> writes one row per account, as <c>GET /api/v1/vetting.csv</c> does.
/// </summary>
public static class VetCommand
{
    // The shipped model; tests put a classifier of their own here.
    internal static Func<IFollowerClassifier?> Classifier { get; set; } = AuthenticityModel.LoadDefault;

    public static Command Create()
    {
        var platform = new Argument<string>("platform") { Description = string.Join(", ", CatalogueNames.Platforms) };
        var handles = new Argument<string[]>("handle") { Description = "The account's handle, with or without @; several to vet several accounts.", Arity = ArgumentArity.OneOrMore };
        var csv = new Option<bool>("--csv") { Description = "Print one CSV row per account (verdict, reasons, and each signal's value, verdict, N and window; empty when unknown)." };
        var command = new Command("vet", "Vet an account: audience quality, growth anomalies, engagement against its tier, comments, ads, activity and brand safety, with a green/amber/red verdict and its reasons.")
        {
            platform, handles, csv,
        };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var platformText = result.GetValue(platform)!;
            if (!CatalogueNames.TryParsePlatform(platformText, out var parsed))
                throw new CliUsageException($"unknown platform '{platformText}'; one of {string.Join(", ", CatalogueNames.Platforms)}");
            var given = result.GetValue(handles)!;
            if (given.Select((h, i) => (h, i)).FirstOrDefault(x => CatalogueNames.NormalizeHandle(x.h).Length == 0) is { h: not null } empty)
                throw new CliUsageException(given.Length == 1 ? "the handle is empty; give one, e.g. anna.bakes" : $"handle {empty.i + 1} of {given.Length} is empty; give one, e.g. anna.bakes");
            await using var db = await GlobalOptions.OpenDatabaseAsync(result, ct);
            var service = new VettingService(db, new EngagementDistributionCache(TimeProvider.System), TimeProvider.System, Classifier());
            var reports = new List<VettingReport>();
            var missing = new List<string>();
            foreach (var handle in given)
            {
                if (await service.VetAsync(parsed, handle, BrandSafetyLexicon.Default, ct) is { } report)
                    reports.Add(report);
                else
                    missing.Add(CatalogueNames.NormalizeHandle(handle));
            }
            // Every unknown handle is named, and nothing is printed: a partial table would pass for the whole list.
            foreach (var handle in missing)
                Console.Error.WriteLine($"error: the catalogue has no {parsed.Name()} account '{handle}'.");
            if (missing.Count > 0)
                return ExitCodes.InputRejected;
            if (result.GetValue(csv))
                await VettingCsv.WriteAsync(reports, Console.Out, ct);
            else if (result.GetValue(GlobalOptions.Json))
                Console.WriteLine(reports.Count == 1 ? JsonSerializer.Serialize(reports[0], CliJson.Options) : JsonSerializer.Serialize(reports, CliJson.Options));
            else
                reports.ForEach(Render);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Render(VettingReport report)
    {
        var console = CliConsole.Create();
        var colour = report.Verdict switch
        {
            VettingVerdict.Green => "green",
            VettingVerdict.Amber => "yellow",
            VettingVerdict.Red => "red",
            _ => "grey",
        };
        console.Write(new Rule($"Vetting @{Markup.Escape(report.Handle)} on {report.Platform}").LeftJustified());
        console.MarkupLine($"[bold {colour}]{VerdictText(report.Verdict)}[/]  [grey]{Markup.Escape(Followers(report))}[/]");
        foreach (var reason in report.Reasons)
            console.MarkupLine($"  • {Markup.Escape(reason)}");

        var table = new Table().Border(TableBorder.Rounded).Title("Signals");
        // What each signal expects is a sentence: it goes under "Why", where it reads on whole lines, not in a column a
        // few characters wide on an 80-column terminal.
        table.AddColumn("Signal").AddColumn("Verdict").AddColumn(new TableColumn("Value").RightAligned()).AddColumn(new TableColumn("N").RightAligned())
            .AddColumn("Window");
        foreach (var s in report.Signals)
        {
            var value = s.Value is null ? $"[grey]{SignalValueText.Unknown}[/]" : Markup.Escape(SignalValueText.Of(s));
            // Start and end on two lines, so that the column stays narrow enough for an 80-column terminal.
            table.AddRow(Markup.Escape(s.Label), SignalText(s.Verdict), value, s.N.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Window(s, " –\n")));
        }
        console.Write(table);
        console.Write(new Rule("Why").LeftJustified());
        foreach (var s in report.Signals)
        {
            console.MarkupLine($"[bold]{Markup.Escape(s.Label)}[/] [grey]({Markup.Escape(s.Formula)})[/]: {Markup.Escape(s.Why)}");
            console.MarkupLine($"  [grey]N = {s.N.ToString(CultureInfo.InvariantCulture)}, window {Markup.Escape(Window(s, " – "))}[/]");
            console.MarkupLine($"  [grey]expected: {Markup.Escape(s.ExpectedRange)}[/]");
        }

        if (report.Spikes.Count > 0)
        {
            console.Write(new Rule("Follower spikes").LeftJustified());
            foreach (var spike in report.Spikes)
                console.MarkupLine($"  {(spike.Organic ? "[green]organic[/]" : spike.Verifiable ? "[red]unexplained[/]" : "[yellow]unverifiable[/]")} {Markup.Escape(spike.Why)}");
        }
        if (report.BrandSafety.Count > 0)
        {
            console.Write(new Rule("Brand-safety matches").LeftJustified());
            foreach (var match in report.BrandSafety)
                console.MarkupLine($"  [yellow]{Markup.Escape(match.Category)}[/] “{Markup.Escape(match.Keyword)}” {match.PostedAt:yyyy-MM-dd} {Markup.Escape(match.Url)}\n    [grey]{Markup.Escape(match.Excerpt)}[/]");
        }
    }

    /// <summary>The dates a signal's numbers come from, or "none" for a signal without a window.</summary>
    private static string Window(VettingSignal signal, string separator) => (signal.WindowStart, signal.WindowEnd) switch
    {
        (null, null) => "none",
        ({ } start, { } end) when start.Date == end.Date => Date(start),
        var (start, end) => $"{Date(start)}{separator}{Date(end)}",
    };

    private static string Date(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown";

    private static string Followers(VettingReport report) =>
        $"{(report.FollowersCount is { } f ? f.ToString("N0", CultureInfo.InvariantCulture) : "unknown")} followers, tier {report.Tier ?? "unknown"}";

    private static string VerdictText(VettingVerdict verdict) => verdict switch
    {
        VettingVerdict.Green => "GREEN: no warning sign found",
        VettingVerdict.Amber => "AMBER: look closer before you book",
        VettingVerdict.Red => "RED: warning signs of a fake or bought audience",
        _ => "NOT ENOUGH DATA: authenticity cannot be judged yet",
    };

    private static string SignalText(SignalVerdict verdict) => verdict switch
    {
        SignalVerdict.Ok => "[green]ok[/]",
        SignalVerdict.Watch => "[yellow]watch[/]",
        SignalVerdict.Concern => "[red]concern[/]",
        _ => "[grey]not enough data[/]",
    };
}
