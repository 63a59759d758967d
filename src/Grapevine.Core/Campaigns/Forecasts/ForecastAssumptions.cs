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
    string AverageOrderSource);
