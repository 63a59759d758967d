using Grapevine.Core.Campaigns.Forecasts;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// One account ready to be planned: what discovery knows of it, the marketer's decision, and per deliverable its
/// price (a rate card wins over the estimate) and its forecasts by (deliverable, count).
/// </summary>
public sealed record PlanCandidateInput(
    long AccountId,
    Platform Platform,
    string Handle,
    string? Tier,
    long? Followers,
    string? Country,
    string? PrimaryNiche,
    double? EngagementPercentile,
    IReadOnlySet<string> Hashtags,
    CandidateDecision Decision,
    bool AcceptsGifting,
    IReadOnlyDictionary<string, DeliverablePrice> Prices,
    IReadOnlyDictionary<(string Deliverable, int Count), DeliverableForecast> Forecasts);

/// <summary>A price in US dollars for one deliverable and where it came from ("rate card" or "estimate").</summary>
public sealed record DeliverablePrice(double PriceUsd, string Source);
