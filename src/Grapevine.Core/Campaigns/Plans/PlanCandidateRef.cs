namespace Grapevine.Core.Campaigns.Plans;

/// <summary>An account to plan with, and what the marketer decided about it.</summary>
public sealed record PlanCandidateRef(long AccountId, CandidateDecision Decision = CandidateDecision.Open, bool AcceptsGifting = false);
