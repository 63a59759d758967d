namespace Grapevine.Core.Metrics;

/// <summary>An account's follower count at one moment.</summary>
public readonly record struct SnapshotObservation(DateTime At, long? Followers);
