namespace Grapevine.Core.Campaigns.Plans;

/// <summary>What a plan is made for, from a campaign or from the command line's --budget and --goal.</summary>
public sealed record PlanSpec(
    Guid? CampaignId,
    CampaignGoal Goal,
    decimal Budget,
    string Currency,
    IReadOnlyList<CampaignDeliverable> Deliverables,
    decimal? ProductCost,
    bool FirstTest);
