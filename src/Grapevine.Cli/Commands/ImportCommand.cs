using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Catalogue.Import;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Grapevine.Cli.Commands;

/// <summary>
/// <c>grapevine import &lt;file&gt; --kind accounts|posts|snapshots|followers|comments</c>: imports a CSV or
/// JSON Lines file in one transaction. Exit code 0 when every row landed, 1 when some (or the whole
/// file) were rejected, 2 on usage errors.
/// </summary>
public static class ImportCommand
{
    private const int ShownRejections = 20;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The CSV or JSON Lines file (.csv, .jsonl or .ndjson; otherwise told from its content)." };
        // HelpName: the five names as the placeholder made a 45-character word that an 80-column help cut mid-name.
        var kind = new Option<string>("--kind")
        {
            Description = $"What the file holds: {string.Join(", ", Enum.GetValues<ImportKind>().Select(k => k.Name()))}. Columns: see docs/import.md.",
            HelpName = "kind",
            Required = true,
        };
        kind.AcceptOnlyFromAmong([.. Enum.GetValues<ImportKind>().Select(k => k.Name())]);
        var command = new Command("import", "Import creator data from CSV or JSON Lines; rejected rows go to <file>.rejected.csv.") { file, kind };
        command.SetAction((result, ct) => CliRunner.RunAsync(async () =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
                throw new CliUsageException(Directory.Exists(path) ? $"'{path}' is a folder, not a file" : $"file not found: {path}");
            if (!ImportColumns.TryParseKind(result.GetValue(kind), out var importKind))
                throw new CliUsageException($"--kind must be one of {ImportColumns.KindNames}");
            var json = result.GetValue(GlobalOptions.Json);
            var console = CliConsole.Create();
            if (Console.IsOutputRedirected)
                console.Profile.Width = 240; // a log or a pipe: keep paths and messages on one line

            await using var db = await GlobalOptions.OpenOrCreateDatabaseAsync(result, ct);
            var importer = new CatalogueImporter(db, TimeProvider.System);
            ImportReport report;
            if (!json && !Console.IsOutputRedirected)
            {
                var length = Math.Max(1, new FileInfo(path).Length);
                report = await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Importing {importKind.Name()}", maxValue: length);
                        // After the rows come the touched accounts' metrics, search profiles and the commit: a second bar says which.
                        ProgressTask? after = null;
                        var imported = await importer.ImportFileAsync(path, importKind, new ProgressTo(p =>
                        {
                            if (p.Phase == ImportPhase.Rows)
                            {
                                task.Value = p.Bytes;
                                task.Description = $"Importing {importKind.Name()}: {p.Rows:N0} rows";
                                return;
                            }
                            task.Value = length;
                            after ??= context.AddTask(PhaseText(p), maxValue: 1);
                            after.Description = PhaseText(p);
                            after.IsIndeterminate = p.Share is null;
                            after.Value = p.Share ?? 0;
                        }), ct);
                        task.Value = length;
                        if (after is not null)
                        {
                            after.Description = $"Done: {Accounts(imported.AccountsRecomputed)} up to date";
                            after.Value = 1;
                        }
                        return imported;
                    });
            }
            else
            {
                report = await importer.ImportFileAsync(path, importKind, null, ct);
            }

            if (json)
                Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
            else
                Print(console, path, report);
            return report.Succeeded ? ExitCodes.Success : ExitCodes.InputRejected;
        }));
        return command;
    }

    private static void Print(IAnsiConsole console, string path, ImportReport report)
    {
        if (report.FileError is not null)
        {
            Console.Error.WriteLine($"error: {path}: {report.FileError}");
            Console.Error.WriteLine("The whole file was rejected; nothing was imported.");
            return;
        }
        var summary = new Table().Border(TableBorder.Rounded).Title($"Import of {report.Kind} ({report.Format})").HideHeaders();
        summary.AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        void Row(string what, string value) => summary.AddRow(new Text(what), new Text(value));
        Row("File", path);
        Row("Rows read", N(report.RowsRead));
        Row("Imported", N(report.Imported));
        Row("  inserted", N(report.Inserted));
        Row("  updated", N(report.Updated));
        Row("  unchanged", N(report.Unchanged));
        Row("Rejected", N(report.Rejected));
        Row("Accounts recomputed", N(report.AccountsRecomputed));
        Row("Time", $"{report.Seconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        Row("Rows per second", N((long)report.RowsPerSecond));
        if (report.RejectedFile is not null)
            Row("Rejected rows written to", report.RejectedFile);
        console.Write(summary);

        if (report.Rejections.Count == 0)
            return;
        var rejected = new Table().Border(TableBorder.Simple).Title("Rejected rows");
        rejected.AddColumn(new TableColumn("line").RightAligned()).AddColumn("field").AddColumn("error");
        foreach (var r in report.Rejections.Take(ShownRejections))
            rejected.AddRow(new IRenderable[] { new Text(N(r.Line)), new Text(r.Field), new Text(r.Message) });
        console.Write(rejected);
        if (report.Rejected > ShownRejections)
            console.WriteLine($"… and {N(report.Rejected - ShownRejections)} more{(report.RejectedFile is null ? "" : $" in {report.RejectedFile}")}.");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Short enough that the bar, its percentage and the time left still fit on one 80-column line.
    private static string Accounts(long count) => $"{N(count)} {(count == 1 ? "account" : "accounts")}";

    private static string PhaseText(ImportProgress progress) => progress.Phase switch
    {
        ImportPhase.Metrics => $"Metrics of {Accounts(progress.Accounts)}",
        ImportPhase.SearchProfiles => $"Search profiles of {Accounts(progress.Accounts)}",
        _ => "Committing",
    };

    /// <summary>Reports progress on the importing thread (Progress&lt;T&gt; would post to a synchronization context).</summary>
    private sealed class ProgressTo(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
