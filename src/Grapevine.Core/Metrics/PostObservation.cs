using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Metrics;

/// <summary>The numbers of one post that metrics read. Null counts are unknown, not zero.</summary>
public readonly record struct PostObservation(
    DateTime PostedAt,
    PostType Type,
    long? Likes,
    long? Comments,
    long? Shares,
    long? Saves,
    long? Views,
    long? Reach,
    bool IsSponsored);
