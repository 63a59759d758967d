namespace Grapevine.Core.Authenticity;

/// <summary>
/// One follower profile as the authenticity classifier sees it. Every field may be unknown (null): a missing value
/// is not a zero. <paramref name="Extra"/> holds the values of user-supplied extra numeric columns, in the order the
/// model was trained with.
/// </summary>
public sealed record FollowerProfile(
    string? Username = null,
    string? FullName = null,
    string? Bio = null,
    int? BioLength = null,
    long? Followers = null,
    long? Following = null,
    long? Posts = null,
    bool? HasProfilePic = null,
    bool? IsPrivate = null,
    bool? HasExternalUrl = null,
    IReadOnlyList<float?>? Extra = null);
