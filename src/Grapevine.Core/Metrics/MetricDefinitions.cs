namespace Grapevine.Core.Metrics;

/// <summary>The metrics Grapevine stores per account (DESIGN.md, "Metrics — definitions").</summary>
public static class MetricDefinitions
{
    public const int RecentPosts = 12;
    public const int WindowDays = 90;
    public const int SponsoredSharePosts = 30;
    public const int PaidOrganicPosts = 50;
    public const int MinPostsPerGroup = 3;

    public static readonly MetricDefinition ErByFollowers = new(
        "er_followers", "ER by followers", "%", "median_last12_feed_likes_comments_per_followers",
        "Median over the last 12 feed posts (stories excluded) of (likes + comments) / followers × 100. The headline rate, comparable with industry benchmarks.");

    public static readonly MetricDefinition ErByReach = new(
        "er_reach", "ER by reach", "%", "median_last12_feed_likes_comments_saves_per_reach",
        "Median over the last 12 feed posts that report reach and saves of (likes + comments + saves) / reach × 100. Above 2% is solid, above 5% exceptional.");

    public static readonly MetricDefinition ErByViews = new(
        "er_views", "ER by views", "%", "median_last12_video_likes_comments_shares_per_views",
        "Median over the last 12 reels, videos, shorts and lives that report views and shares of (likes + comments + shares) / views × 100.");

    public static readonly MetricDefinition PostingFrequency = new(
        "posting_frequency", "Posting frequency", "posts/week", "feed_posts_last90d_per_week",
        "Feed posts published in the last 90 days divided by 90/7 weeks. Unknown when no post of the account has been imported.");

    public static readonly MetricDefinition FollowerGrowth30 = new(
        "follower_growth_30d", "Follower growth, 30 days", "%", "snapshot_growth_30d",
        "(followers in the latest snapshot − followers in the snapshot nearest to 30 days before it, within 7 days) / the earlier count × 100.");

    public static readonly MetricDefinition FollowerGrowth90 = new(
        "follower_growth_90d", "Follower growth, 90 days", "%", "snapshot_growth_90d",
        "(followers in the latest snapshot − followers in the snapshot nearest to 90 days before it, within 14 days) / the earlier count × 100.");

    public static readonly MetricDefinition AverageViews = new(
        "avg_views", "Average views", "views", "mean_last12_video_views",
        "Mean views over the last 12 reels, videos, shorts and lives that report views.");

    public static readonly MetricDefinition SponsoredShare = new(
        "sponsored_share", "Sponsored share", "%", "share_last30_feed_paid_partnership",
        "Share of the last 30 feed posts marked as paid partnerships or disclosed with #ad / #sponsored, × 100.");

    public static readonly MetricDefinition PaidOrganicRatio = new(
        "paid_organic_er_ratio", "Paid / organic ER", "×", "median_er_paid_over_median_er_organic_last50_feed",
        "Median ER by followers of sponsored posts divided by that of organic posts, over the last 50 feed posts; needs at least 3 of each.");

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        ErByFollowers, ErByReach, ErByViews, PostingFrequency, FollowerGrowth30, FollowerGrowth90,
        AverageViews, SponsoredShare, PaidOrganicRatio,
    ];

    public static MetricDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
