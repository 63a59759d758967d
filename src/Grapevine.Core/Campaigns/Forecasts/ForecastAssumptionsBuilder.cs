namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// The assumptions of a campaign's forecasts: the campaign's own rates where it set them (taken as exact), else the
/// reference figures (<see cref="ForecastReference"/>) with their 80% ranges; CTR by the industry of the first brand
/// niche that maps to one.
/// </summary>
public static class ForecastAssumptionsBuilder
{
    public const string CampaignSource = "campaign";

    public static ForecastAssumptions For(Campaign campaign) =>
        For(campaign.BrandNiches, campaign.ClickThroughRate, campaign.ConversionRate, campaign.AverageOrderValue);

    public static ForecastAssumptions For(
        IEnumerable<string> brandNiches,
        double? clickThroughRate = null,
        double? conversionRate = null,
        decimal? averageOrderValue = null)
    {
        var ctr = ForecastReference.DefaultClickThrough;
        var ctrSource = ForecastReference.DefaultClickThroughSource;
        foreach (var niche in brandNiches)
        {
            if (ForecastReference.IndustryOfNiche.TryGetValue(niche, out var industry))
            {
                ctr = ForecastReference.ClickThroughByIndustry[industry];
                ctrSource = $"reference.json ctr_percent_by_industry.{industry} (brand niche {niche})";
                break;
            }
        }
        var cvr = ForecastReference.ConversionRate;
        var aov = ForecastReference.AverageOrderValue;
        return new ForecastAssumptions(
            clickThroughRate ?? ctr.Middle,
            clickThroughRate is null ? ctrSource : CampaignSource,
            conversionRate ?? ForecastReference.ConversionRate.Middle,
            conversionRate is null ? ForecastReference.ConversionSource : CampaignSource,
            averageOrderValue ?? (decimal)aov.Middle,
            averageOrderValue is null ? ForecastReference.AverageOrderSource : CampaignSource)
        {
            ClickThroughRange = clickThroughRate is null ? ctr : null,
            ConversionRange = conversionRate is null ? cvr : null,
            AverageOrderRange = averageOrderValue is null ? aov : null,
        };
    }
}
