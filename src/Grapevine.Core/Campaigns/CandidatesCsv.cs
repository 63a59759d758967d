using System.Globalization;
using CsvHelper;
using Grapevine.Core.Data;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// A campaign's candidates as CSV, one row each, as the campaign page shows them. Column names carry their unit: the test
/// spend is in the campaign's currency (<c>test_spend_eur</c>) and the test result in the goal's unit (<c>test_result_reach</c>,
/// <c>test_result_engagements</c>, <c>test_result_revenue_usd</c>, <c>test_result_pieces</c>). Unknown values are empty cells.
/// </summary>
public static class CandidatesCsv
{
    public static IReadOnlyList<string> Header(CampaignDetails campaign) =>
    [
        "platform", "handle", "display_name", "tier", "followers", "country", "source", "decision", "accepts_gifting",
        "test_spend_" + campaign.Currency.ToLowerInvariant(), "test_result_" + ResultUnit(campaign), "added_at_utc", "account_id", "version",
    ];

    public static async Task WriteAsync(CampaignDetails campaign, IEnumerable<CandidateView> candidates, TextWriter output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord([.. Header(campaign)]);
        foreach (var c in candidates)
        {
            csv.WriteRecord(
            [
                c.Platform, Text(c.Handle), Text(c.DisplayName), c.Tier ?? "", c.Followers?.ToString(CultureInfo.InvariantCulture) ?? "", c.Country ?? "",
                Text(c.Source), c.Decision, c.AcceptsGifting ? "yes" : "no", c.TestSpend?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                c.TestResult?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", c.AddedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                c.AccountId.ToString(CultureInfo.InvariantCulture), c.Version,
            ]);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>What a first test's result counts, by the campaign's goal.</summary>
    private static string ResultUnit(CampaignDetails campaign) => campaign.Goal switch
    {
        "awareness" => "reach",
        "engagement" => "engagements",
        "sales" => "revenue_" + campaign.Currency.ToLowerInvariant(),
        "content" => "pieces",
        _ => throw new ArgumentOutOfRangeException(nameof(campaign), campaign.Goal, "Unknown goal."),
    };

    // Handles, names and sources (a list's name, a search's words) are anyone's text: "=HYPERLINK(…)" is a handle.
    private static string Text(string? value) => SpreadsheetText.Cell(value);
}
