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

    /// <summary>Impressions to clicks.</summary>
    internal LogNormal ClickThrough => Rate(ClickThroughRate, ClickThroughRange);

    /// <summary>Impressions to orders (click-through × conversion).</summary>
    internal LogNormal ToConversions => ClickThrough.Times(Rate(ConversionRate, ConversionRange));

    /// <summary>Impressions to revenue (click-through × conversion × order value).</summary>
    internal LogNormal ToRevenue => ToConversions.Times(Rate((double)AverageOrderValue, AverageOrderRange));

    // The range's spread around the value in force (a campaign's own rate keeps the reference spread only when it has a range).
    private static LogNormal Rate(double value, RateRange? range) =>
        range is { } r && r.High > r.Low ? r.ToLogNormal() with { Mu = Math.Log(value) } : new LogNormal(Math.Log(value), 0);
}
