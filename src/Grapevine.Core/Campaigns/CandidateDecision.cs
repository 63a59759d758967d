namespace Grapevine.Core.Campaigns;

/// <summary>What the marketer decided about a candidate before planning.</summary>
public enum CandidateDecision
{
    /// <summary>The planner may choose them or not.</summary>
    Open,

    MustInclude,
    Excluded,
}
