using Grapevine.Core.Workspaces;

namespace Grapevine.Core.Campaigns;

/// <summary>
/// An account the planner may choose for a campaign, where it came from, the marketer's decision, whether the creator
/// takes product instead of a fee, and, in a first test, what working with them gave.
/// </summary>
public class CampaignCandidate : IWorkspaceOwned
{
    public Guid WorkspaceId { get; set; }
    public Guid CampaignId { get; set; }
    public long AccountId { get; set; }

    /// <summary>Where the candidate came from, in words: "search: vegan fitness; country=DE", "list: Summer",
    /// "discover: q=vegan; tier=micro" (picked from Discover's results), "manual".</summary>
    public required string Source { get; set; }

    public CandidateDecision Decision { get; set; }
    public bool AcceptsGifting { get; set; }

    /// <summary>First test: what the creator was paid (or the gift cost); null until recorded.</summary>
    public decimal? TestSpend { get; set; }

    /// <summary>First test: results counted in the goal's unit (reach, engagements, revenue, pieces); null until recorded.</summary>
    public double? TestResult { get; set; }

    public DateTime AddedAt { get; set; }
}
