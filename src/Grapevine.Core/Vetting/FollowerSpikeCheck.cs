using System.ComponentModel;

namespace Grapevine.Core.Vetting;

/// <summary>
/// An account's follower-spike flag for a list of results: <see cref="FollowerSpikes"/>' rule, the vetting report's, on
/// its follower snapshots, each spike judged against its posts (organic when a post rose with it). The flag names one
/// spike: the latest that no post explains (unexplained or not checkable), else the latest organic one, so that an
/// earlier bought jump is not hidden behind a later viral one.
/// </summary>
/// <remarks>
/// <c>Spiked</c>: Whether any interval between snapshots is a spike.<br/>
/// <c>Spikes</c>: How many spikes (adjacent spike intervals are one).<br/>
/// <c>LatestFrom</c>, <c>LatestTo</c>: The snapshots either side of the named spike; null when there is none.<br/>
/// <c>LatestGainPercent</c>: The named spike's gain in % of the followers before it; null when there is none.<br/>
/// <c>Intervals</c>: How many intervals between snapshots were checked (N).<br/>
/// <c>WindowStart</c>, <c>WindowEnd</c>: The first and last snapshot checked.<br/>
/// <c>Organic</c>: Whether the named spike came with a post that went viral; then every spike did. Null when there is none.<br/>
/// <c>Verifiable</c>: Whether enough posts with counts are known to judge the named spike; null when there is none.<br/>
/// <c>Why</c>: "Follower spike of " and the vetting report's sentence on the named spike; null when there is none.<br/>
/// </remarks>
public sealed record FollowerSpikeCheck(
    bool Spiked,
    int Spikes,
    DateTime? LatestFrom,
    DateTime? LatestTo,
    double? LatestGainPercent,
    int Intervals,
    DateTime WindowStart,
    DateTime WindowEnd,
    [property: Description("Whether a post around the named spike got at least 3× the account's median engagement or views (it went viral); then every spike did. False when none did (the pattern of bought followers) or too few posts are known to tell; null when there is no spike")]
    bool? Organic,
    [property: Description("Whether enough posts with counts (3) are known to judge the named spike; null when there is no spike")]
    bool? Verifiable,
    [property: Description("The vetting report's sentence on the named spike (\"Follower spike of +30% (…) between … and …: organic, the post of … got 20× the account's median engagement (went viral).\"); null when there is no spike")]
    string? Why)
{
    /// <summary>The check of one account's follower growth; null when there are fewer than <see cref="FollowerSpikes.MinIntervals"/> intervals to judge from.</summary>
    public static FollowerSpikeCheck? Of(FollowerGrowthResult growth)
    {
        if (growth.MedianDailyChangePercent is null || growth.WindowStart is not { } start || growth.WindowEnd is not { } end)
            return null;
        var named = growth.Spikes.LastOrDefault(s => !s.Organic) ?? growth.Spikes.LastOrDefault();
        return new FollowerSpikeCheck(named is not null, growth.Spikes.Count, named?.From, named?.To,
            named is null ? null : Math.Round(named.GainPercent, 1), growth.Intervals, start, end, named?.Organic, named?.Verifiable,
            named is null ? null : "Follower spike of " + named.Why);
    }
}
