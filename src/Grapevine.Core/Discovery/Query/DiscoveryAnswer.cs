namespace Grapevine.Core.Discovery.Query;

/// <summary>
/// A discovery result as people read it (API, CLI, Discover page): how many accounts matched, the ranked accounts with
/// what is known of each, their price and the parts of their score with a sentence of why, the facets of all matches,
/// which engine answered and how long it took, and what of the question was ignored (words that can never match) and why.
/// </summary>
public sealed record DiscoveryAnswer(
    int Total, IReadOnlyList<DiscoveryHitView> Hits, DiscoveryFacets Facets, string Engine, double ElapsedMs, IReadOnlyList<QueryNotice> Notices,
    [property: System.ComponentModel.Description("Which brand-safety lists the hits' flaggedTexts and the fit score's safety part used, and why")]
    SafetyLists SafetyLists);

/// <summary>One ranked account. Unknown values are null. <see cref="Score"/> is the fit score, 0–1, whatever the sort.</summary>
public sealed record DiscoveryHitView(
    int Rank,
    long AccountId,
    string Platform,
    string Handle,
    string? DisplayName,
    long? Followers,
    string? Tier,
    string? Country,
    string? Language,
    string? PrimaryNiche,
    double? EngagementRate,
    [property: System.ComponentModel.Description("Share (0–1) of sampled followers classified real; null when not measured")]
    double? AudienceQuality,
    [property: System.ComponentModel.Description("How many sampled followers audience quality was measured from (N); null when the account has no follower sample")]
    int? AudienceSample,
    DiscoveryPrice? Price,
    [property: System.ComponentModel.Description("Follower growth over the last 30 days in % (the growth_30d metric, from snapshots); null when unknown")]
    double? Growth,
    double Score,
    IReadOnlyList<FitPartView> Fit,
    [property: System.ComponentModel.Description(DiscoveryHitView.FollowerSpikeDescription)]
    Grapevine.Core.Vetting.FollowerSpikeCheck? FollowerSpike,
    [property: System.ComponentModel.Description(DiscoveryHitView.FollowerSnapshotIntervalsDescription)]
    int? FollowerSnapshotIntervals,
    [property: System.ComponentModel.Description("How many texts (the bio and recent captions) match the brand-safety lists named by the answer's safetyLists.flaggedTexts; null when the account has neither")]
    int? FlaggedTexts)
{
    public const string FollowerSpikeDescription =
        "Follower spikes in the account's snapshots by the vetting report's rule (robust z of the daily change), each judged against the posts " +
        "around it as the report judges it: organic when a post went viral with it, else unexplained or not checkable; null when it has too few snapshots to say";

    public const string FollowerSnapshotIntervalsDescription =
        "How many intervals between the account's follower snapshots (with a count above 0) there are; the follower-spike check needs 6, " +
        "and followerSpike is null below that";
}

/// <summary>
/// The price of the platform's default deliverable in US dollars: the workspace's rate card when it has one
/// (<see cref="Source"/> "rate card", no range), else the estimate with its range ("estimate").
/// </summary>
public sealed record DiscoveryPrice(double Usd, string Source, double? LowUsd, double? HighUsd, string Deliverable)
{
    public const string RateCard = "rate card";
    public const string Estimate = "estimate";
}

/// <summary>One part of the fit score: its normalised weight, its value (0–1, null when unknown), its contribution and why.</summary>
public sealed record FitPartView(string Component, string Label, double Weight, double? Value, double Contribution, string Why);
