using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>What one past post achieved: the counts a forecast is made from (null where the source gave none).</summary>
public sealed record PostOutcome(
    PostType Type,
    DateTime PostedAt,
    long? Likes,
    long? Comments,
    long? Shares,
    long? Saves,
    long? Views,
    long? Reach,
    long? Impressions)
{
    /// <summary>Likes + comments + shares + saves, the known ones; null when neither likes nor comments are known.</summary>
    public long? Engagements => Likes is null && Comments is null ? null : (Likes ?? 0) + (Comments ?? 0) + (Shares ?? 0) + (Saves ?? 0);

    /// <summary>Impressions where reported, else views (a play is an impression of a video).</summary>
    public long? Seen => Impressions ?? Views;

    public static PostOutcome From(Post p) => new(p.Type, p.PostedAt, p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.Impressions);
}
