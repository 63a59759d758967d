using System.Globalization;
using CsvHelper;
using Grapevine.Core.Data;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Vetting reports as CSV, one row per account: the verdict with its reasons, and for every signal its value (the unit
/// in the column name; empty when unknown, never 0), verdict, N and window, so that several creators compare side by side.
/// </summary>
public static class VettingCsv
{
    /// <summary>The signals in report order, with the unit their value column is named after.</summary>
    public static readonly IReadOnlyList<(string Id, string Unit)> Signals =
    [
        ("audience_quality", "real_pct"), ("follower_growth", "suspect_spikes"), ("engagement", "percentile"),
        ("comment_quality", "low_quality_pct"), ("sponsored_saturation", "sponsored_pct"), ("posting_activity", "posts_per_week"),
        ("brand_safety", "matching_posts"),
    ];

    public static readonly IReadOnlyList<string> Header =
    [
        "platform", "handle", "followers", "tier", "verdict", "reasons", "generated_at",
        .. Signals.SelectMany(s => new[] { $"{s.Id}_{s.Unit}", $"{s.Id}_verdict", $"{s.Id}_n", $"{s.Id}_window" }),
    ];

    public static async Task WriteAsync(IEnumerable<VettingReport> reports, TextWriter output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord([.. Header]);
        foreach (var r in reports)
        {
            var byId = r.Signals.ToDictionary(s => s.Id);
            csv.WriteRecord(
            [
                r.Platform, SpreadsheetText.Cell(r.Handle), r.FollowersCount?.ToString(CultureInfo.InvariantCulture) ?? "", r.Tier ?? "",
                VerdictId(r.Verdict), SpreadsheetText.Cell(string.Join(" | ", r.Reasons)), r.GeneratedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                .. Signals.SelectMany(s => byId.TryGetValue(s.Id, out var signal) ? Cells(signal) : ["", "", "", ""]),
            ]);
        }
        await csv.FlushAsync(ct);
    }

    private static string[] Cells(VettingSignal s) =>
    [
        s.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
        SignalVerdictId(s.Verdict),
        s.N.ToString(CultureInfo.InvariantCulture),
        (s.WindowStart, s.WindowEnd) switch
        {
            ({ } start, { } end) => $"{Day(start)}/{Day(end)}",
            _ => "",
        },
    ];

    private static string Day(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The JSON names of the verdicts (snake case), so that the CSV and the API read the same.
    private static string VerdictId(VettingVerdict verdict) => verdict switch
    {
        VettingVerdict.Green => "green",
        VettingVerdict.Amber => "amber",
        VettingVerdict.Red => "red",
        _ => "not_enough_data",
    };

    private static string SignalVerdictId(SignalVerdict verdict) => verdict switch
    {
        SignalVerdict.Ok => "ok",
        SignalVerdict.Watch => "watch",
        SignalVerdict.Concern => "concern",
        _ => "not_enough_data",
    };
}
