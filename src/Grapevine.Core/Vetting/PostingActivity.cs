using System.Globalization;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Vetting;

/// <summary>
/// Posting consistency and recency: the stored posting-frequency metric, the days since the last feed post and how
/// regular the gaps between feed posts are (coefficient of variation of the gaps).
/// </summary>
public static class PostingActivity
{
    /// <summary>No feed post for longer than this reads as inactive.</summary>
    public const int InactiveDays = 45;

    /// <summary>Gaps this irregular (standard deviation over mean) read as bursts and silences.</summary>
    public const double IrregularGapCv = 2.0;

    /// <summary>Fewer feed posts than this give too few gaps to judge how regular posting is.</summary>
    public const int MinPostsForRegularity = 4;

    public const string Formula = "days_since_last_feed_post; feed_posts_last90d_per_week; cv_of_gaps_between_feed_posts";

    public static VettingSignal Signal(IReadOnlyList<VettingPost> posts, DateTime now)
    {
        const string label = "Posting consistency and recency";
        var expected = $"a feed post within the last {InactiveDays} days and gaps between posts no more irregular than a CV of {IrregularGapCv:0.#}";
        var feed = posts.Where(p => p.Type.IsFeed()).OrderBy(p => p.PostedAt).ToList();
        if (feed.Count == 0)
        {
            return new VettingSignal("posting_activity", label, null, "posts/week", expected, SignalVerdict.NotEnoughData,
                "Not enough data: no feed post of the account is known.", Formula, 0, null, null);
        }
        var frequency = ContentMetrics.PostingFrequency([.. feed.Select(p => p.Observation)], now);
        var daysSince = Math.Max(0, (now - feed[^1].PostedAt).TotalDays);
        double? cv = null;
        if (feed.Count >= MinPostsForRegularity)
        {
            var gaps = feed.Zip(feed.Skip(1), (a, b) => (b.PostedAt - a.PostedAt).TotalDays).ToArray();
            var mean = gaps.Average();
            if (mean > 0)
                cv = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / gaps.Length) / mean;
        }
        var days = (long)Math.Round(daysSince);
        var ago = days switch
        {
            0 => "today",
            1 => "1 day ago",
            _ => $"{days.ToString(CultureInfo.InvariantCulture)} days ago",
        };
        var facts = $"last feed post {ago}, " +
            $"{Plural.Of(frequency.Value!.Value, "0.#", "post")} a week over the last {MetricDefinitions.WindowDays} days" +
            (cv is { } c ? $", gap CV {c.ToString("0.##", CultureInfo.InvariantCulture)} over {feed.Count} posts" : "");
        var unjudged = feed.Count < MinPostsForRegularity
            ? $"{Plural.Of(feed.Count, "feed post")} {(feed.Count == 1 ? "is" : "are")} too few to judge how regular posting is ({MinPostsForRegularity} are needed)"
            : "the feed posts share one date, so how regular posting is cannot be judged";
        (SignalVerdict verdict, string why) = daysSince > InactiveDays
            ? (SignalVerdict.Watch, $"{Capital(facts)}: the account looks inactive, so its audience may have moved on.")
            : cv > IrregularGapCv
                ? (SignalVerdict.Watch, $"{Capital(facts)}: posting comes in bursts and silences.")
                : cv is null
                    ? (SignalVerdict.Ok, $"{Capital(facts)}: active, but {unjudged}.")
                    : (SignalVerdict.Ok, $"{Capital(facts)}: active and regular.");
        return new VettingSignal("posting_activity", label, Math.Round(frequency.Value.Value, 2), "posts/week", expected, verdict, why,
            Formula, feed.Count, feed[0].PostedAt, now);
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
