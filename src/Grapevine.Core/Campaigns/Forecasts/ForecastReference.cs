namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// The published figures forecasts fall back on, copied from shared/data/reference.json (Grapevine's reference data:
/// figures quoted in public influencer-marketing guides, 2023–2026) with the key each comes from, and the one figure
/// reference.json lacks (story reach) with its own source. docs/forecasts.md explains each choice.
/// </summary>
public static class ForecastReference
{
    /// <summary>Click-through rate (fraction) by industry: reference.json ctr_percent_by_industry.</summary>
    public static readonly IReadOnlyDictionary<string, RateRange> ClickThroughByIndustry = new Dictionary<string, RateRange>
    {
        ["beauty"] = new(0.015, 0.025),
        ["fashion"] = new(0.010, 0.020),
        ["food_beverage"] = new(0.020, 0.030),
        ["tech"] = new(0.018, 0.028),
    };

    /// <summary>The industry of reference.json a brand niche (Discovery/Niches/niches.json slug) belongs to, where one fits.</summary>
    public static readonly IReadOnlyDictionary<string, string> IndustryOfNiche = new Dictionary<string, string>
    {
        ["beauty"] = "beauty",
        ["fashion"] = "fashion",
        ["food"] = "food_beverage",
        ["tech"] = "tech",
    };

    /// <summary>When no niche maps to an industry: the span of all industries reference.json lists (1%–3%).</summary>
    public static readonly RateRange DefaultClickThrough = new(0.010, 0.030);

    public const string DefaultClickThroughSource = "reference.json ctr_percent_by_industry, span of all industries (no brand niche maps to one)";

    /// <summary>
    /// reference.json case_results.home_garden_bfcm.conversion_rate_percent = 4. One case says nothing of spread, so
    /// the 80% range is taken as half to double.
    /// </summary>
    public static readonly RateRange ConversionRate = new(0.02, 0.08);

    public const string ConversionSource = "reference.json case_results.home_garden_bfcm.conversion_rate_percent (4%; 80% range 2%–8% assumed)";

    /// <summary>
    /// Revenue per order: reference.json case_results.home_garden_bfcm revenue_per_click_usd 3.2 ÷ conversion rate 4% =
    /// $80; the 80% range is taken as half to double.
    /// </summary>
    public static readonly RateRange AverageOrderValue = new(40, 160);

    public const string AverageOrderSource = "reference.json case_results.home_garden_bfcm: revenue_per_click_usd 3.2 / conversion_rate_percent 4 = $80 (80% range $40–$160 assumed)";

    /// <summary>
    /// Engagements per person reached (ER by reach, fraction) where a platform reports no reach: reference.json
    /// engagement_rate_by_reach, "solid" 2% to "exceptional" 5%, taken as the 80% range.
    /// </summary>
    public static readonly RateRange EngagementRateByReach = new(0.02, 0.05);

    public const string EngagementRateByReachSource = "reference.json engagement_rate_by_reach (solid 2% – exceptional 5%)";

    /// <summary>
    /// Share of followers an Instagram story reaches, for accounts without story insights: Socialinsider's study of
    /// 135,000 stories of 2,500 business profiles (MarketingCharts, 2019-07-29): 9.12% under 10k followers, 5.22% at
    /// 10k–100k, 4.59% above. The 80% range is taken as half to double.
    /// </summary>
    public static double StoryReachShare(long followers) => followers < 10_000 ? 0.0912 : followers < 100_000 ? 0.0522 : 0.0459;

    public const double StoryReachSpread = 2.0;

    public const string StoryReachSource = "Socialinsider 2019 story reach by follower band (9.12% < 10k, 5.22% 10k–100k, 4.59% > 100k), via MarketingCharts";
}
