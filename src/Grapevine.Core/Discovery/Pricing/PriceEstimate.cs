namespace Grapevine.Core.Discovery.Pricing;

/// <summary>
/// An estimated price in USD for one deliverable: a typical range and a point estimate within it, after the
/// engagement adjustment (<paramref name="EngagementFactor"/>, 1 when the engagement rate is unknown).
/// <paramref name="BenchmarkEngagementRate"/> is the ER (percent) the account was compared with.
/// </summary>
public sealed record PriceEstimate(
    string Deliverable,
    long Followers,
    string? Tier,
    double Low,
    double Estimate,
    double High,
    double EngagementFactor,
    double? EngagementRate,
    double BenchmarkEngagementRate,
    bool Calibrated)
{
    public const string Method = "log_interpolated_reference_rates_engagement_adjusted";
}
