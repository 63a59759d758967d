using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>
/// The vetting report of one account: an overall verdict with its reasons (never a bare number), every signal with
/// its value, expected range, verdict and why, and the details behind them (audience sample, follower spikes,
/// comment breakdown, brand-safety matches).
/// </summary>
/// <remarks>
/// <c>Tier</c>: Under the default tier scheme; null when the follower count is unknown.<br/>
/// <c>Reasons</c>: One sentence per signal that decided the verdict; for green, what was checked.<br/>
/// <c>Followers</c>: The snapshot series the growth signal read, for charts.<br/>
/// </remarks>
public sealed record VettingReport(
    string Platform,
    string Handle,
    long? FollowersCount,
    string? Tier,
    DateTime GeneratedAt,
    VettingVerdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<VettingSignal> Signals,
    AudienceQualityResult Audience,
    IReadOnlyList<FollowerSpike> Spikes,
    IReadOnlyList<SnapshotObservation> Followers,
    CommentQualityResult Comments,
    IReadOnlyList<BrandSafetyMatch> BrandSafety,
    EngagementContext Engagement);

/// <summary>The account's ER by followers and where the catalogue comparison came from.</summary>
/// <remarks>
/// <c>Percentile</c>: Null when the ER or the tier is unknown, or the catalogue has too few peers.<br/>
/// <c>Peers</c>: Catalogue accounts of the same tier and platform with a known ER.<br/>
/// <c>DistributionAt</c>: When the catalogue distribution was read.<br/>
/// <c>Reference</c>: The published median of the account's own platform (reference.json), null when none is on file.<br/>
/// </remarks>
public sealed record EngagementContext(MetricValue ErFollowers, double? Percentile, int Peers, DateTime DistributionAt, string? Reference);
