using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Metrics;

/// <summary>Engagement rates as DESIGN.md defines them; each is a median over recent posts.</summary>
public static class EngagementRates
{
    /// <summary>(likes + comments) / followers × 100 of one post, or null when it cannot be known.</summary>
    public static double? OfPost(long? followers, long? likes, long? comments) =>
        followers is > 0 && likes is { } l && comments is { } c ? (l + c) * 100.0 / followers.Value : null;

    /// <summary>Median over the last 12 feed posts with likes and comments of (likes + comments) / followers × 100.</summary>
    public static MetricValue ByFollowers(long? followers, IEnumerable<PostObservation> posts)
    {
        var definition = MetricDefinitions.ErByFollowers;
        var used = Recent(posts.Where(p => p.Type.IsFeed() && p.Likes is not null && p.Comments is not null));
        if (followers is not > 0 || used.Count == 0)
            return MetricValue.Unknown(definition, used.Count);
        var rates = used.Select(p => (p.Likes!.Value + p.Comments!.Value) * 100.0 / followers.Value).ToList();
        return MetricValue.Of(definition, Statistics.Median(rates), used.Count, used[^1].PostedAt, used[0].PostedAt);
    }

    /// <summary>Median over the last 12 feed posts with reach, likes, comments and saves of (likes + comments + saves) / reach × 100.</summary>
    public static MetricValue ByReach(IEnumerable<PostObservation> posts)
    {
        var definition = MetricDefinitions.ErByReach;
        var used = Recent(posts.Where(p => p.Type.IsFeed() && p.Reach is > 0 && p.Likes is not null && p.Comments is not null && p.Saves is not null));
        if (used.Count == 0)
            return MetricValue.Unknown(definition);
        var rates = used.Select(p => (p.Likes!.Value + p.Comments!.Value + p.Saves!.Value) * 100.0 / p.Reach!.Value).ToList();
        return MetricValue.Of(definition, Statistics.Median(rates), used.Count, used[^1].PostedAt, used[0].PostedAt);
    }

    /// <summary>Median over the last 12 video posts with views, likes, comments and shares of (likes + comments + shares) / views × 100.</summary>
    public static MetricValue ByViews(IEnumerable<PostObservation> posts)
    {
        var definition = MetricDefinitions.ErByViews;
        var used = Recent(posts.Where(p => p.Type.IsVideo() && p.Views is > 0 && p.Likes is not null && p.Comments is not null && p.Shares is not null));
        if (used.Count == 0)
            return MetricValue.Unknown(definition);
        var rates = used.Select(p => (p.Likes!.Value + p.Comments!.Value + p.Shares!.Value) * 100.0 / p.Views!.Value).ToList();
        return MetricValue.Of(definition, Statistics.Median(rates), used.Count, used[^1].PostedAt, used[0].PostedAt);
    }

    /// <summary>The newest <see cref="MetricDefinitions.RecentPosts"/> posts, newest first.</summary>
    internal static List<PostObservation> Recent(IEnumerable<PostObservation> posts, int count = MetricDefinitions.RecentPosts) =>
        posts.OrderByDescending(p => p.PostedAt).Take(count).ToList();
}
