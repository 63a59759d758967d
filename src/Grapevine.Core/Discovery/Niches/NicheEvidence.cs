namespace Grapevine.Core.Discovery.Niches;

/// <summary>
/// The text an account's niches are read from: its profile (handle, display name, bio, imported category) and the
/// captions of its recent posts, hashtags included. Any part may be missing.
/// </summary>
public sealed record NicheEvidence(
    string? Handle = null,
    string? DisplayName = null,
    string? Bio = null,
    string? Category = null,
    IReadOnlyList<string?>? Captions = null);
