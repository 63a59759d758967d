using Grapevine.Core.Authenticity;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>Everything a vetting report is computed from: the account, all its posts, snapshots, follower and comment samples.</summary>
public sealed record VettingInput(
    Platform Platform,
    string Handle,
    long? Followers,
    IReadOnlyList<VettingPost> Posts,
    IReadOnlyList<SnapshotObservation> Snapshots,
    IReadOnlyList<FollowerProfile> FollowerSample,
    IReadOnlyList<VettingComment> Comments);
