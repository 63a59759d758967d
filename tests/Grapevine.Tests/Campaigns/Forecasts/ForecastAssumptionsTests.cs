using Grapevine.Core.Campaigns;
using Grapevine.Core.Campaigns.Forecasts;

namespace Grapevine.Tests.Campaigns.Forecasts;

public class ForecastAssumptionsTests
{
    [Fact]
    public void A_brand_niche_with_an_industry_takes_its_click_through_range()
    {
        var a = ForecastAssumptionsBuilder.For(["fitness", "beauty"]);

        Assert.Equal(Math.Sqrt(0.015 * 0.025), a.ClickThroughRate, 1e-9);
        Assert.Equal("reference.json ctr_percent_by_industry.beauty (brand niche beauty)", a.ClickThroughSource);
        Assert.Equal(new RateRange(0.015, 0.025), a.ClickThroughRange);
        Assert.Equal(0.04, a.ConversionRate, 1e-9);
        Assert.Contains("conversion_rate_percent", a.ConversionSource);
        Assert.Equal(80m, a.AverageOrderValue);
        Assert.Contains("revenue_per_click_usd", a.AverageOrderSource);
    }

    [Fact]
    public void Food_maps_to_food_and_beverage_and_other_niches_to_the_default_span()
    {
        Assert.Contains("food_beverage", ForecastAssumptionsBuilder.For(["food"]).ClickThroughSource);
        var none = ForecastAssumptionsBuilder.For(["gaming"]);
        Assert.Equal(ForecastReference.DefaultClickThroughSource, none.ClickThroughSource);
        Assert.Equal(new RateRange(0.01, 0.03), none.ClickThroughRange);
    }

    [Fact]
    public void Campaign_overrides_win_and_are_taken_as_exact()
    {
        var campaign = new Campaign
        {
            Name = "Spring",
            Brand = "Glow",
            BrandNiches = ["beauty"],
            ClickThroughRate = 0.03,
            AverageOrderValue = 45m,
        };
        var a = CreatorForecaster.Assumptions(campaign);

        Assert.Equal(0.03, a.ClickThroughRate);
        Assert.Equal(ForecastAssumptionsBuilder.CampaignSource, a.ClickThroughSource);
        Assert.Null(a.ClickThroughRange);
        Assert.Equal(45m, a.AverageOrderValue);
        Assert.Equal("campaign", a.AverageOrderSource);
        Assert.Null(a.AverageOrderRange);
        Assert.Equal(0.04, a.ConversionRate, 1e-9);
        Assert.NotNull(a.ConversionRange);
        Assert.Equal(ForecastReference.DefaultClickThroughSource, CreatorForecaster.Assumptions(null).ClickThroughSource);
    }
}
