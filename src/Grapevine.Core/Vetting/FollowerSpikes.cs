using System.Globalization;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>The follower-growth signal: the snapshot series, its usual daily change and the spikes found in it.</summary>
/// <remarks>
/// <c>Intervals</c>: How many intervals between consecutive snapshots were measured (N).<br/>
/// <c>MedianDailyChangePercent</c>: Median of the intervals' daily relative change, in %.<br/>
/// <c>ScalePerDayPercent</c>: 1.4826 × MAD of the daily changes (with a floor), in %: a robust standard deviation.<br/>
/// <c>ZeroSnapshots</c>: Snapshots at 0 followers, left out because a relative change cannot be computed from 0.<br/>
/// </remarks>
public sealed record FollowerGrowthResult(
    IReadOnlyList<SnapshotObservation> Series,
    int Intervals,
    double? MedianDailyChangePercent,
    double? ScalePerDayPercent,
    IReadOnlyList<FollowerSpike> Spikes,
    DateTime? WindowStart,
    DateTime? WindowEnd,
    int ZeroSnapshots = 0);

/// <summary>
/// Finds follower spikes with a robust outlier rule on daily changes: each interval between snapshots gives
/// (followers after − before) / before / days; an interval is a spike when its robust z-score
/// (change − median) / (1.4826 × MAD) is at least <see cref="ZThreshold"/> and it added at least
/// <see cref="MinGainShare"/> of the followers. Adjacent spike intervals are one spike.
/// </summary>
public static class FollowerSpikes
{
    public const int MinIntervals = 6;
    public const double ZThreshold = 6;
    public const double MinGainShare = 0.015;

    /// <summary>The robust scale never goes below 0.05% a day, so that near-constant series do not flag rounding noise.</summary>
    public const double ScaleFloorPerDay = 0.0005;

    /// <summary>A post explains a spike when its engagement or views reach this multiple of the account's median.</summary>
    public const double EvidenceFactor = 3;

    /// <summary>Posts from this many days before a spike's first snapshot up to its last can explain it.</summary>
    public const int EvidenceLeadDays = 7;

    public const int MinPostsForBaseline = 3;

    public const string Formula = "robust_z_of_daily_follower_change_median_mad";

    public static FollowerGrowthResult Detect(Platform platform, string handle, IReadOnlyList<SnapshotObservation> snapshots, IReadOnlyList<VettingPost> posts)
    {
        var series = snapshots.Where(s => s.Followers is > 0).OrderBy(s => s.At)
            .DistinctBy(s => s.At).ToList();
        var count = Math.Max(0, series.Count - 1);
        var zeros = snapshots.Where(s => s.Followers == 0).DistinctBy(s => s.At).Count();
        DateTime? start = series.Count > 0 ? series[0].At : null, end = series.Count > 0 ? series[^1].At : null;
        if (count < MinIntervals)
            return new FollowerGrowthResult(series, count, null, null, [], start, end, zeros);

        var rates = new double[count];
        for (var i = 1; i < series.Count; i++)
        {
            var days = Math.Max((series[i].At - series[i - 1].At).TotalDays, 1.0 / 24);
            rates[i - 1] = (double)(series[i].Followers!.Value - series[i - 1].Followers!.Value) / series[i - 1].Followers!.Value / days;
        }
        var median = Statistics.Median(rates);
        var mad = Statistics.Median(rates.Select(r => Math.Abs(r - median)).ToArray());
        var scale = Math.Max(1.4826 * mad, ScaleFloorPerDay);

        var evidence = new SpikeEvidence(platform, handle, posts);
        var spikes = new List<FollowerSpike>();
        var i0 = 0;
        while (i0 < count)
        {
            if (!IsSpike(i0))
            {
                i0++;
                continue;
            }
            var i1 = i0;
            while (i1 + 1 < count && IsSpike(i1 + 1))
                i1++;
            var before = series[i0];
            var after = series[i1 + 1];
            var z = Enumerable.Range(i0, i1 - i0 + 1).Max(i => (rates[i] - median) / scale);
            var gainPercent = (double)(after.Followers!.Value - before.Followers!.Value) * 100 / before.Followers!.Value;
            spikes.Add(evidence.Judge(before, after, gainPercent, z));
            i0 = i1 + 1;
        }
        return new FollowerGrowthResult(series, count, median * 100, scale * 100, spikes, start, end, zeros);

        bool IsSpike(int i) =>
            (rates[i] - median) / scale >= ZThreshold
            && series[i + 1].Followers!.Value - series[i].Followers!.Value >= MinGainShare * series[i].Followers!.Value;
    }

    public static VettingSignal Signal(FollowerGrowthResult result)
    {
        const string label = "Follower growth anomalies";
        if (result.MedianDailyChangePercent is not { } median || result.ScalePerDayPercent is not { } scale)
        {
            return new VettingSignal("follower_growth", label, null, "spikes", "no unexplained follower spike", SignalVerdict.NotEnoughData,
                $"Not enough data: {Plural.Of(result.Intervals, "interval")} between follower snapshots" +
                (result.ZeroSnapshots > 0 ? " with a follower count above 0" : "") + $", {MinIntervals} are needed" +
                (result.ZeroSnapshots > 0
                    ? $"; growth cannot be computed from the {Plural.Of(result.ZeroSnapshots, "snapshot")} at 0 followers."
                    : "."),
                Formula, result.Intervals, result.WindowStart, result.WindowEnd);
        }
        var expected = $"daily change within median ± {ZThreshold:0} robust SD: {Pct(median - ZThreshold * scale)} to {Pct(median + ZThreshold * scale)} a day";
        var unexplained = result.Spikes.Where(s => s.Unexplained).ToList();
        var unverifiable = result.Spikes.Where(s => !s.Verifiable).ToList();
        var organic = result.Spikes.Where(s => s.Organic).ToList();
        var over = $"over {Plural.Of(result.Intervals, "snapshot interval")}";
        (SignalVerdict verdict, string why) = (unexplained.Count, unverifiable.Count, organic.Count) switch
        {
            ( > 0, _, _) => (SignalVerdict.Concern,
                $"{unexplained.Count} unexplained follower spike{(unexplained.Count == 1 ? "" : "s")} {over} ({List(unexplained)}) " +
                "with no matching rise in engagement or views, the pattern of bought followers."),
            (0, > 0, _) => (SignalVerdict.Watch,
                $"{unverifiable.Count} follower spike{(unverifiable.Count == 1 ? "" : "s")} {over} ({List(unverifiable)}) that cannot be checked: " +
                "too few posts with counts are known to tell a viral post from bought followers."),
            (0, 0, > 0) => (SignalVerdict.Ok,
                $"{organic.Count} follower spike{(organic.Count == 1 ? "" : "s")} {over}, each with a post that took off at the same time: organic (went viral)."),
            _ => (SignalVerdict.Ok, $"No follower spike {over}."),
        };
        return new VettingSignal("follower_growth", label, unexplained.Count + unverifiable.Count, "spikes", expected, verdict, why,
            Formula, result.Intervals, result.WindowStart, result.WindowEnd);
    }

    private static string List(IEnumerable<FollowerSpike> spikes) =>
        string.Join("; ", spikes.Select(s => $"+{s.GainPercent.ToString("0.#", CultureInfo.InvariantCulture)}% by {s.To:yyyy-MM-dd}"));

    private static string Pct(double value) => value.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Decides whether a post around a spike rose with it.</summary>
    private sealed class SpikeEvidence(Platform platform, string handle, IReadOnlyList<VettingPost> posts)
    {
        private readonly double? _medianEngagements = MedianOf(posts.Where(p => p.Type.IsFeed()).Select(p => p.Engagements));
        private readonly double? _medianViews = MedianOf(posts.Select(p => p.Views));

        private static double? MedianOf(IEnumerable<long?> values)
        {
            var known = values.Where(v => v is not null).Select(v => (double)v!.Value).ToArray();
            return known.Length >= MinPostsForBaseline ? Statistics.Median(known) : null;
        }

        public FollowerSpike Judge(SnapshotObservation before, SnapshotObservation after, double gainPercent, double z)
        {
            var from = before.At.AddDays(-EvidenceLeadDays);
            (VettingPost Post, double Ratio, string Kind)? best = null;
            foreach (var post in posts)
            {
                if (post.PostedAt < from || post.PostedAt > after.At)
                    continue;
                if (post.Type.IsFeed() && post.Engagements is { } e && _medianEngagements is > 0 and var me)
                    Consider(post, e / me, "engagement");
                if (post.Views is { } v && _medianViews is > 0 and var mv)
                    Consider(post, v / mv, "views");
            }
            var size = $"+{gainPercent.ToString("0.#", CultureInfo.InvariantCulture)}% ({before.Followers:N0} → {after.Followers:N0}) between {before.At:yyyy-MM-dd} and {after.At:yyyy-MM-dd}";
            if (best is { } b && b.Ratio >= EvidenceFactor)
            {
                return new FollowerSpike(before.At, after.At, before.Followers!.Value, after.Followers!.Value, gainPercent, z, true, true,
                    $"{size}: organic, the post of {b.Post.PostedAt:yyyy-MM-dd} got {b.Ratio.ToString("0.#", CultureInfo.InvariantCulture)}× the account's median {b.Kind} (went viral).",
                    b.Post.PostId, PostLinks.For(platform, handle, b.Post.PostId), Math.Round(b.Ratio, 2));
            }
            if (_medianEngagements is null && _medianViews is null)
            {
                return new FollowerSpike(before.At, after.At, before.Followers!.Value, after.Followers!.Value, gainPercent, z, false, false,
                    $"{size}: cannot be checked, fewer than {MinPostsForBaseline} posts with counts are known to look for a post that went viral.", null, null, null);
            }
            return new FollowerSpike(before.At, after.At, before.Followers!.Value, after.Followers!.Value, gainPercent, z, false, true,
                $"{size}: unexplained, no post from {from:yyyy-MM-dd} on reached {EvidenceFactor:0}× the account's median engagement or views.",
                null, null, best is { } w ? Math.Round(w.Ratio, 2) : null);

            void Consider(VettingPost post, double ratio, string kind)
            {
                if (best is null || ratio > best.Value.Ratio)
                    best = (post, ratio, kind);
            }
        }
    }
}
