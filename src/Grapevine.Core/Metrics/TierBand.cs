namespace Grapevine.Core.Metrics;

/// <summary>A named follower range; <see cref="Max"/> null means no upper bound.</summary>
public sealed record TierBand(string Name, long Min, long? Max);
