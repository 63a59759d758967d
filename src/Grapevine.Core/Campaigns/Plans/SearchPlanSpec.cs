using Grapevine.Core.Discovery;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>A plan without a campaign: a budget and a goal over the top results of a search (the command line's plan).</summary>
public sealed record SearchPlanSpec(decimal Budget, CampaignGoal Goal, DiscoveryQuery Query, decimal? ProductCost = null);
