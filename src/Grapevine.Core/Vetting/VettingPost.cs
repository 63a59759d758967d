using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>One post as vetting reads it. Null counts are unknown, not zero.</summary>
public sealed record VettingPost(
    string PostId,
    DateTime PostedAt,
    PostType Type,
    string? Caption,
    string? Hashtags,
    long? Likes,
    long? Comments,
    long? Shares,
    long? Saves,
    long? Views,
    long? Reach,
    bool? IsPaidPartnership)
{
    public bool IsSponsored => SponsoredPost.IsSponsored(IsPaidPartnership, Hashtags);

    public PostObservation Observation => new(PostedAt, Type, Likes, Comments, Shares, Saves, Views, Reach, IsSponsored);

    /// <summary>likes + comments (+ shares when known); null when likes or comments are unknown.</summary>
    public long? Engagements => Likes is { } l && Comments is { } c ? l + c + (Shares ?? 0) : null;
}
