using System.Globalization;
using CsvHelper;
using Grapevine.Core.Data;

namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// A discovery answer as CSV: one row per ranked account, its price with the deliverable and source, and each fit part's
/// contribution. Column names carry their unit (<c>_pct</c> percent, <c>_share</c> 0–1, <c>_usd</c>), as the API's numbers are
/// a mix of percentages (ER, growth) and shares (audience quality) that a spreadsheet cannot tell apart. <c>follower_spike</c> is
/// empty when the account has too few snapshots to say (<c>follower_spike_intervals_n</c> says how many it has);
/// <c>follower_spike_organic</c> and <c>_why</c> judge the spike the flag names, empty when there is none;
/// <c>brand_safety_flagged_texts_n</c> counts the texts matching the lists <c>brand_safety_lists</c> names ("workspace" or
/// "default", the answer's <see cref="SafetyLists.FlaggedTexts"/>), empty when nothing was checked.
/// </summary>
public static class DiscoveryCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "rank", "platform", "handle", "display_name", "followers", "tier", "country", "language", "primary_niche", "er_followers_pct",
        "audience_quality_share", "audience_sample_n", "price_usd", "price_deliverable", "price_source", "price_low_usd", "price_high_usd", "growth_30d_pct",
        "follower_spike", "follower_spike_latest_from", "follower_spike_latest_to", "follower_spike_intervals_n", "follower_spike_organic", "follower_spike_why",
        "brand_safety_flagged_texts_n", "brand_safety_lists", "fit_score",
        .. FitExplanation.Components.Select(c => $"fit_{c.Component}_contribution"),
    ];

    public static async Task WriteAsync(DiscoveryAnswer answer, TextWriter output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord([.. Header]);
        foreach (var h in answer.Hits)
        {
            csv.WriteRecord(
            [
                Number(h.Rank), h.Platform, Text(h.Handle), Text(h.DisplayName), Number(h.Followers), h.Tier ?? "", h.Country ?? "", h.Language ?? "",
                h.PrimaryNiche ?? "", Number(h.EngagementRate), Number(h.AudienceQuality), Number(h.AudienceSample), Number(h.Price?.Usd), h.Price?.Deliverable ?? "", h.Price?.Source ?? "",
                Number(h.Price?.LowUsd), Number(h.Price?.HighUsd), Number(h.Growth),
                Flag(h.FollowerSpike?.Spiked), Date(h.FollowerSpike?.LatestFrom), Date(h.FollowerSpike?.LatestTo),
                Number(h.FollowerSnapshotIntervals), Flag(h.FollowerSpike?.Organic), Text(h.FollowerSpike?.Why),
                Number(h.FlaggedTexts), answer.SafetyLists.FlaggedTexts, Number(h.Score),
                .. h.Fit.Select(f => Number(f.Contribution)),
            ]);
        }
        await csv.FlushAsync(ct);
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string Flag(bool? value) => value switch { true => "true", false => "false", null => "" };

    private static string Date(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    // Handles are imported too, and an import only refuses spaces and commas in them: "=HYPERLINK(…)" is a handle.
    private static string Text(string? value) => SpreadsheetText.Cell(value);
}
