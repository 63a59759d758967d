namespace Grapevine.Core.Campaigns;

/// <summary>What a campaign is for; it decides which expected result the planner maximises.</summary>
public enum CampaignGoal
{
    /// <summary>Reach: how many people see the content.</summary>
    Awareness,

    /// <summary>Engagements: likes, comments, shares, saves.</summary>
    Engagement,

    /// <summary>Revenue from tracked conversions.</summary>
    Sales,

    /// <summary>Pieces of usable content, weighted by how well each creator's content performs.</summary>
    Content,
}
