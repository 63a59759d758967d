using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery.Profiles;

/// <summary>
/// Everything a search profile is built from: the account's fields, its posts (any order; the builder applies the
/// windows), its stored metrics (null when unknown) and its follower sample. Read in bulk by the refresher, or made
/// from import rows with <see cref="SearchProfileInputs.FromRows"/>.
/// </summary>
public sealed record SearchProfileInput(
    long AccountId,
    Platform Platform,
    string Handle,
    string? DisplayName,
    long? Followers,
    string? Tier,
    string? Country,
    string? Language,
    bool? IsVerified,
    string? Email,
    string? Bio,
    string? Category,
    IReadOnlyList<ProfilePost> Posts,
    double? EngagementRate,
    double? SponsoredShare,
    double? Growth,
    IReadOnlyList<FollowerProfile> FollowerSample);

/// <summary>
/// One post as a search profile reads it. <paramref name="Hashtags"/> and <paramref name="Mentions"/> are the stored
/// columns (lower case, space separated, without '#'/'@'; null when the caption is unknown).
/// </summary>
public sealed record ProfilePost(
    DateTime PostedAt,
    PostType Type,
    string? Caption,
    string? Hashtags,
    string? Mentions,
    long? Likes,
    long? Comments);
