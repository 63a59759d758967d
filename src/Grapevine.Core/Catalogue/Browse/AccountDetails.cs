namespace Grapevine.Core.Catalogue.Browse;

/// <summary>Everything the account page and <c>grapevine account</c> show about one account.</summary>
public sealed record AccountDetails(
    AccountProfile Profile,
    IReadOnlyList<MetricView> Metrics,
    IReadOnlyList<SnapshotPoint> Snapshots,
    IReadOnlyList<RecentPost> RecentPosts);

/// <summary>The account's own fields. Unknown values are null.</summary>
public sealed record AccountProfile(
    string Platform,
    string Handle,
    string? DisplayName,
    string? CreatorName,
    long? Followers,
    long? Following,
    long? PostsCount,
    string? Tier,
    string? Country,
    string? Language,
    string? Category,
    bool? IsVerified,
    bool? IsPrivate,
    string? Bio,
    string? ExternalUrl,
    string? Email,
    string? ProfilePictureUrl,
    DateTime UpdatedAt);

/// <summary>
/// One metric with its meaning: the stored value (null when it cannot be known or was never
/// computed), the formula, how many observations it used (N) and their window.
/// </summary>
public sealed record MetricView(
    string Name,
    string Label,
    string Unit,
    double? Value,
    string Formula,
    int N,
    DateTime? WindowStart,
    DateTime? WindowEnd,
    DateTime? ComputedAt,
    string Definition);

/// <summary>The account's counts at one moment.</summary>
public sealed record SnapshotPoint(DateTime At, long? Followers, long? Following, long? PostsCount);

/// <summary>
/// A recent post with its engagement rate by followers, (likes + comments) / followers × 100; null for stories or when a
/// count is unknown. <see cref="IsSponsored"/> is the sponsored-share metrics' rule: the paid-partnership label, or an
/// accepted disclosure hashtag (<see cref="DisclosureHashtag"/>, such as "ad") when the post has no label.
/// </summary>
public sealed record RecentPost(
    string PostId,
    DateTime PostedAt,
    string Type,
    bool IsFeed,
    string? Caption,
    long? Likes,
    long? Comments,
    long? Shares,
    long? Saves,
    long? Views,
    long? Reach,
    bool? IsPaidPartnership,
    double? ErFollowers,
    bool IsSponsored,
    string? DisclosureHashtag);
