namespace Grapevine.Core.Catalogue.Import;

// One validated row of each import kind (DESIGN.md, "Import columns"). Null means unknown.
// The import parser, the demo generator and the bulk writer all speak these types.

public sealed record AccountRow(
    Platform Platform,
    string Handle,
    string? DisplayName,
    long? Followers,
    long? Following,
    long? PostsCount,
    string? Country,
    string? Language,
    string? Bio,
    string? Email,
    string? ExternalUrl,
    bool? IsVerified,
    bool? IsPrivate,
    bool? HasProfilePic,
    string? Category);

public sealed record PostRow(
    Platform Platform,
    string Handle,
    string PostId,
    DateTime PostedAt,
    PostType Type,
    string? Caption,
    long? Likes,
    long? Comments,
    long? Shares,
    long? Saves,
    long? Views,
    long? Reach,
    long? Impressions,
    bool? IsPaidPartnership);

public sealed record SnapshotRow(
    Platform Platform,
    string Handle,
    DateTime At,
    long? Followers,
    long? Following,
    long? PostsCount);

public sealed record FollowerRow(
    Platform Platform,
    string Handle,
    string FollowerUsername,
    string? FullName,
    long? Followers,
    long? Following,
    long? PostsCount,
    bool? HasProfilePic,
    bool? IsPrivate,
    int? BioLength,
    bool? HasExternalUrl);

public sealed record CommentRow(
    Platform Platform,
    string Handle,
    string PostId,
    string CommentId,
    string? Author,
    string? Text,
    DateTime? PostedAt);
