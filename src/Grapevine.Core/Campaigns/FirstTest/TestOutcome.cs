namespace Grapevine.Core.Campaigns.FirstTest;

/// <summary>What one creator of a first test cost and gave (CampaignCandidate.TestSpend/TestResult); null until recorded.</summary>
public sealed record TestOutcome(long AccountId, decimal? Spend, double? Result)
{
    public static TestOutcome From(CampaignCandidate candidate) => new(candidate.AccountId, candidate.TestSpend, candidate.TestResult);
}
