namespace Grapevine.Core.Vetting;

/// <summary>
/// A jump in followers between two snapshots far beyond the account's usual daily change. Organic when a post around
/// it rose in engagement or views (it went viral); unexplained (the mark of bought followers) when the account's posts
/// around it are known and none rose; unverifiable when too few posts with counts are known to tell.
/// </summary>
/// <remarks>
/// <c>From</c>: The snapshot before the jump.<br/>
/// <c>To</c>: The first snapshot after it: the jump happened between the two.<br/>
/// <c>RobustZ</c>: (daily change − median daily change) / (1.4826 × MAD) of the largest interval in the jump.<br/>
/// <c>EvidencePostId</c>: The post whose engagement or views rose with the jump, when organic.<br/>
/// <c>EvidenceRatio</c>: That post's engagement (or views) over the account's median.<br/>
/// </remarks>
public sealed record FollowerSpike(
    DateTime From,
    DateTime To,
    long FollowersBefore,
    long FollowersAfter,
    double GainPercent,
    double RobustZ,
    bool Organic,
    bool Verifiable,
    string Why,
    string? EvidencePostId,
    string? EvidencePostUrl,
    double? EvidenceRatio)
{
    public long Gain => FollowersAfter - FollowersBefore;

    /// <summary>Verifiable and not organic: no post explains it.</summary>
    public bool Unexplained => Verifiable && !Organic;
}
