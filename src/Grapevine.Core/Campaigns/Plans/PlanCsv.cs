using System.Globalization;
using CsvHelper;
using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Data;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// A plan as CSV: one row per chosen creator with the option, price and source, and each forecast as its mean
/// (<c>_mean</c>, the expected value, which adds up), its median (<c>_median</c>) and its 80% interval (<c>_low</c>, <c>_high</c>).
/// </summary>
public static class PlanCsv
{
    private static readonly string[] Metrics = ["impressions", "reach", "engagements", "clicks", "conversions", "revenue_usd"];

    public static readonly IReadOnlyList<string> Header =
    [
        "platform", "handle", "tier", "niche", "country", "option", "cost_usd", "price_source", "gifting", "goal_value",
        .. Metrics.SelectMany(m => new[] { m + "_mean", m + "_median", m + "_low", m + "_high" }),
        "posts_used", "basis",
    ];

    public static async Task WriteAsync(CampaignPlanDocument plan, TextWriter output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        csv.WriteRecord([.. Header]);
        foreach (var c in plan.Creators)
        {
            csv.WriteRecord(
            [
                c.Platform, Text(c.Handle), c.Tier ?? "", c.Niche ?? "", c.Country ?? "", c.Option, Number(c.Cost), c.PriceSource,
                c.Gifting ? "yes" : "no", Number(c.Value),
                .. new[] { c.Impressions, c.Reach, c.Engagements, c.Clicks, c.Conversions, c.Revenue }.SelectMany(Cells),
                c.PostsUsed.ToString(CultureInfo.InvariantCulture), Text(c.Basis),
            ]);
        }
        await csv.FlushAsync(ct);
    }

    private static string[] Cells(Estimate? e) => [Number(e?.Expected), Number(e?.Median), Number(e?.Low), Number(e?.High)];

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static string Text(string value) => SpreadsheetText.Cell(value);
}
