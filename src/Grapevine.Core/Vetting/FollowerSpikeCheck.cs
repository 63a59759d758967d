using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>
/// An account's follower-spike flag for a list of results: <see cref="FollowerSpikes"/>' rule on its follower snapshots
/// alone. No posts are read, so it cannot tell a post that went viral from bought followers; the vetting report does.
/// </summary>
/// <remarks>
/// <c>Spiked</c>: Whether any interval between snapshots is a spike.<br/>
/// <c>Spikes</c>: How many spikes (adjacent spike intervals are one).<br/>
/// <c>LatestFrom</c>, <c>LatestTo</c>: The snapshots either side of the latest spike; null when there is none.<br/>
/// <c>LatestGainPercent</c>: The latest spike's gain in % of the followers before it; null when there is none.<br/>
/// <c>Intervals</c>: How many intervals between snapshots were checked (N).<br/>
/// <c>WindowStart</c>, <c>WindowEnd</c>: The first and last snapshot checked.<br/>
/// </remarks>
public sealed record FollowerSpikeCheck(
    bool Spiked, int Spikes, DateTime? LatestFrom, DateTime? LatestTo, double? LatestGainPercent, int Intervals, DateTime WindowStart, DateTime WindowEnd)
{
    /// <summary>The check of one account's snapshots; null when there are fewer than <see cref="FollowerSpikes.MinIntervals"/> intervals to judge from.</summary>
    public static FollowerSpikeCheck? Of(Platform platform, string handle, IReadOnlyList<SnapshotObservation> snapshots)
    {
        var growth = FollowerSpikes.Detect(platform, handle, snapshots, []);
        if (growth.MedianDailyChangePercent is null || growth.WindowStart is not { } start || growth.WindowEnd is not { } end)
            return null;
        var latest = growth.Spikes.Count > 0 ? growth.Spikes[^1] : null;
        return new FollowerSpikeCheck(latest is not null, growth.Spikes.Count, latest?.From, latest?.To,
            latest is null ? null : Math.Round(latest.GainPercent, 1), growth.Intervals, start, end);
    }
}
