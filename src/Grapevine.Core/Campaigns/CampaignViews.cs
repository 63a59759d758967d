namespace Grapevine.Core.Campaigns;

/// <summary>A campaign in the list: what it is for, its budget and how many candidates it has.</summary>
public sealed record CampaignSummary(
    Guid Id, string Name, string Brand, string Goal, decimal Budget, string Currency, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<string> Platforms, bool FirstTest, int Candidates, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt);

/// <summary>A whole campaign with its candidates (by handle).</summary>
public sealed record CampaignDetails(
    Guid Id, string Name, string Brand, string? BrandValues, IReadOnlyList<string> BrandNiches, IReadOnlyList<string> BrandKeywords,
    IReadOnlyList<string> Competitors, string Goal, decimal Budget, string Currency, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<string> Platforms, IReadOnlyList<string> TargetCountries, IReadOnlyList<string> TargetLanguages, int? TargetAgeMin,
    int? TargetAgeMax, string? TargetGender, IReadOnlyList<string> TargetInterests, IReadOnlyList<CampaignDeliverableView> Deliverables,
    long? KpiImpressions, long? KpiReach, long? KpiEngagements, long? KpiClicks, long? KpiConversions, decimal? KpiRevenue,
    decimal? ProductCost, double? ClickThroughRate, double? ConversionRate, decimal? AverageOrderValue, bool FirstTest,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt, IReadOnlyList<CandidateView> Candidates)
{
    public bool Archived => ArchivedAt is not null;
}

public sealed record CampaignDeliverableView(string Deliverable, int Count);

/// <summary>A candidate of a campaign: the account, where it came from and what was decided about it.</summary>
public sealed record CandidateView(
    long AccountId, string Platform, string Handle, string? DisplayName, long? Followers, string? Tier, string? Country, string Source,
    string Decision, bool AcceptsGifting, decimal? TestSpend, double? TestResult, DateTime AddedAt)
{
    /// <summary>Changes with the decision, gifting or test figures; send it back in <c>If-Match</c> to change the candidate only if it has not changed since.</summary>
    public string Version => CandidateVersion.Of(Decision, AcceptsGifting, TestSpend, TestResult);
}

/// <summary>How many accounts an add named and how many of them were new to the campaign.</summary>
public sealed record CandidatesAdded(int Added, int Found);

/// <summary>How many of the accounts named were removed, and which were not candidates of the campaign (already removed, say).</summary>
public sealed record CandidatesRemoved(int Removed, IReadOnlyList<long> NotCandidates);
