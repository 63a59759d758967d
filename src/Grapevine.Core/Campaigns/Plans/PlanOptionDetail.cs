using Grapevine.Core.Campaigns.Forecasts;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>What an option of the planning problem stands for: the deliverables bought, their forecasts and prices.</summary>
public sealed record PlanOptionDetail(
    IReadOnlyList<DeliverableForecast> Forecasts,
    IReadOnlyList<(string Deliverable, int Count)> Items,
    string PriceSource,
    bool Gifting);
