using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Metrics;

/// <summary>Metrics of what and how often an account posts.</summary>
public static class ContentMetrics
{
    /// <summary>
    /// Feed posts in the 90 days up to <paramref name="now"/>, per week. Unknown when no post of
    /// the account is known at all; zero when posts are known but none fall in the window.
    /// </summary>
    public static MetricValue PostingFrequency(IReadOnlyCollection<PostObservation> posts, DateTime now)
    {
        var definition = MetricDefinitions.PostingFrequency;
        if (posts.Count == 0)
            return MetricValue.Unknown(definition);
        var start = now.AddDays(-MetricDefinitions.WindowDays);
        var inWindow = posts.Count(p => p.Type.IsFeed() && p.PostedAt > start && p.PostedAt <= now);
        // The window shown is the days counted: when now is the close of a day (midnight), that day, not the next one.
        var lastDay = now.AddTicks(-1).Date;
        return MetricValue.Of(definition, inWindow / (MetricDefinitions.WindowDays / 7.0), inWindow, start, lastDay);
    }

    /// <summary>Mean views over the last 12 video posts that report views.</summary>
    public static MetricValue AverageViews(IEnumerable<PostObservation> posts)
    {
        var definition = MetricDefinitions.AverageViews;
        var used = EngagementRates.Recent(posts.Where(p => p.Type.IsVideo() && p.Views is not null));
        if (used.Count == 0)
            return MetricValue.Unknown(definition);
        return MetricValue.Of(definition, used.Average(p => (double)p.Views!.Value), used.Count, used[^1].PostedAt, used[0].PostedAt);
    }

    /// <summary>Share of the last 30 feed posts that are sponsored, × 100.</summary>
    public static MetricValue SponsoredShare(IEnumerable<PostObservation> posts)
    {
        var definition = MetricDefinitions.SponsoredShare;
        var used = EngagementRates.Recent(posts.Where(p => p.Type.IsFeed()), MetricDefinitions.SponsoredSharePosts);
        if (used.Count == 0)
            return MetricValue.Unknown(definition);
        var sponsored = used.Count(p => p.IsSponsored);
        return MetricValue.Of(definition, sponsored * 100.0 / used.Count, used.Count, used[^1].PostedAt, used[0].PostedAt);
    }

    /// <summary>
    /// Median ER by followers of sponsored posts over that of organic posts, among the last 50 feed
    /// posts with likes and comments; unknown with fewer than 3 posts on either side.
    /// </summary>
    public static MetricValue PaidOrganicRatio(long? followers, IEnumerable<PostObservation> posts)
    {
        var definition = MetricDefinitions.PaidOrganicRatio;
        var used = EngagementRates.Recent(
            posts.Where(p => p.Type.IsFeed() && p.Likes is not null && p.Comments is not null), MetricDefinitions.PaidOrganicPosts);
        if (followers is not > 0 || used.Count == 0)
            return MetricValue.Unknown(definition, used.Count);
        var paid = used.Where(p => p.IsSponsored).Select(p => (p.Likes!.Value + p.Comments!.Value) * 100.0 / followers.Value).ToList();
        var organic = used.Where(p => !p.IsSponsored).Select(p => (p.Likes!.Value + p.Comments!.Value) * 100.0 / followers.Value).ToList();
        if (paid.Count < MetricDefinitions.MinPostsPerGroup || organic.Count < MetricDefinitions.MinPostsPerGroup)
            return MetricValue.Unknown(definition, used.Count);
        var organicMedian = Statistics.Median(organic);
        if (organicMedian <= 0)
            return MetricValue.Unknown(definition, used.Count);
        return MetricValue.Of(definition, Statistics.Median(paid) / organicMedian, used.Count, used[^1].PostedAt, used[0].PostedAt);
    }
}
