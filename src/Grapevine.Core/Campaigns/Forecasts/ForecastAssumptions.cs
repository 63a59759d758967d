namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// The rates that turn views into clicks, clicks into orders and orders into revenue, each with where it came from
/// ("reference.json ctr_percent_by_industry.beauty", "campaign").
/// </summary>
public sealed record ForecastAssumptions(
    double ClickThroughRate,
    string ClickThroughSource,
    double ConversionRate,
    string ConversionSource,
    decimal AverageOrderValue,
    string AverageOrderSource)
{
    /// <summary>The 80% range of the click-through rate; null takes the rate as exact (a campaign's own figure).</summary>
    public RateRange? ClickThroughRange { get; init; }

    /// <summary>The 80% range of the conversion rate; null takes it as exact.</summary>
    public RateRange? ConversionRange { get; init; }

    /// <summary>The 80% range of the order value in US dollars; null takes it as exact.</summary>
    public RateRange? AverageOrderRange { get; init; }
}
