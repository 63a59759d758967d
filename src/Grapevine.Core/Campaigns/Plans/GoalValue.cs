using Grapevine.Core.Campaigns.Forecasts;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// The number the planner maximises for a goal, from a forecast's expected value (the mean, which adds up across
/// creators; the median would undercount a skewed outcome by about e^(σ²/2)): reach for awareness (impressions where reach is not
/// known), engagements for engagement, revenue for sales, and for content the pieces delivered weighted by how the
/// creator's engagement ranks in their tier (0.5 + percentile / 2, so a median creator's piece counts 0.75).
/// </summary>
public static class GoalValue
{
    public static double? Of(CampaignGoal goal, DeliverableForecast forecast, double? engagementPercentile) => goal switch
    {
        CampaignGoal.Awareness => (forecast.Reach ?? forecast.Impressions)?.Expected,
        CampaignGoal.Engagement => forecast.Engagements?.Expected,
        CampaignGoal.Sales => forecast.Revenue?.Expected,
        CampaignGoal.Content => forecast.Count * (0.5 + (engagementPercentile ?? 0.5) / 2),
        _ => throw new ArgumentOutOfRangeException(nameof(goal)),
    };

    public static string Unit(CampaignGoal goal) => goal switch
    {
        CampaignGoal.Awareness => "people reached",
        CampaignGoal.Engagement => "engagements",
        CampaignGoal.Sales => "USD revenue",
        CampaignGoal.Content => "weighted pieces of content",
        _ => throw new ArgumentOutOfRangeException(nameof(goal)),
    };

    /// <summary>Whether creators sharing an audience make this goal's value add up less than linearly.</summary>
    public static bool Overlaps(CampaignGoal goal) => goal != CampaignGoal.Content;
}
