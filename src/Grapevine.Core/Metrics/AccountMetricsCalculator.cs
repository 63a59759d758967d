namespace Grapevine.Core.Metrics;

/// <summary>Every stored metric of one account, from its follower count, posts and snapshots.</summary>
public static class AccountMetricsCalculator
{
    public static IReadOnlyList<MetricValue> Compute(
        long? followers,
        IReadOnlyCollection<PostObservation> posts,
        IReadOnlyCollection<SnapshotObservation> snapshots,
        DateTime now) =>
    [
        EngagementRates.ByFollowers(followers, posts),
        EngagementRates.ByReach(posts),
        EngagementRates.ByViews(posts),
        ContentMetrics.PostingFrequency(posts, now),
        FollowerGrowth.Over30Days(snapshots),
        FollowerGrowth.Over90Days(snapshots),
        ContentMetrics.AverageViews(posts),
        ContentMetrics.SponsoredShare(posts),
        ContentMetrics.PaidOrganicRatio(followers, posts),
    ];
}
