using System.Globalization;
using CsvHelper;
using Grapevine.Core.Data;

namespace Grapevine.Core.Audit;

/// <summary>The audit log as CSV, newest first: one row per entry, times in UTC (ISO 8601).</summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Header = ["at_utc", "action", "actor_user_id", "actor", "target", "detail", "ip_address"];

    public static async Task<int> WriteAsync(IAsyncEnumerable<AuditEntry> entries, TextWriter output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord([.. Header]);
        var rows = 0;
        await foreach (var e in entries.WithCancellation(ct))
        {
            // Names, targets and details are anyone's text: a spreadsheet must not run them as formulas.
            csv.WriteRecord(
            [
                e.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Action, e.ActorUserId?.ToString() ?? "",
                SpreadsheetText.Cell(e.ActorName), SpreadsheetText.Cell(e.Target), SpreadsheetText.Cell(e.Detail), e.IpAddress ?? "",
            ]);
            rows++;
        }
        await csv.FlushAsync(ct);
        return rows;
    }
}
