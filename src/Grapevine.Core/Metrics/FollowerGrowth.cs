namespace Grapevine.Core.Metrics;

/// <summary>Follower growth between the latest snapshot and the one nearest to a period before it.</summary>
public static class FollowerGrowth
{
    public static MetricValue Over30Days(IEnumerable<SnapshotObservation> snapshots) =>
        Compute(MetricDefinitions.FollowerGrowth30, snapshots, TimeSpan.FromDays(30), TimeSpan.FromDays(7));

    public static MetricValue Over90Days(IEnumerable<SnapshotObservation> snapshots) =>
        Compute(MetricDefinitions.FollowerGrowth90, snapshots, TimeSpan.FromDays(90), TimeSpan.FromDays(14));

    /// <summary>
    /// (latest − earlier) / earlier × 100, where "earlier" is the snapshot closest to
    /// <paramref name="period"/> before the latest one and no further than <paramref name="tolerance"/> from that point.
    /// </summary>
    public static MetricValue Compute(MetricDefinition definition, IEnumerable<SnapshotObservation> snapshots, TimeSpan period, TimeSpan tolerance)
    {
        var known = snapshots.Where(s => s.Followers is not null).OrderBy(s => s.At).ToList();
        if (known.Count < 2)
            return MetricValue.Unknown(definition, known.Count);
        var latest = known[^1];
        var target = latest.At - period;
        SnapshotObservation? earlier = null;
        foreach (var s in known.Take(known.Count - 1))
        {
            var distance = (s.At - target).Duration();
            if (distance <= tolerance && (earlier is null || distance < (earlier.Value.At - target).Duration()))
                earlier = s;
        }
        if (earlier is not { Followers: > 0 } start)
            return MetricValue.Unknown(definition, known.Count);
        var growth = (latest.Followers!.Value - start.Followers!.Value) * 100.0 / start.Followers.Value;
        return MetricValue.Of(definition, growth, 2, start.At, latest.At);
    }
}
