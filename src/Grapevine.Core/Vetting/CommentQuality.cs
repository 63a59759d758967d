using System.Globalization;

namespace Grapevine.Core.Vetting;

/// <summary>The comment-quality breakdown of an account's comment sample.</summary>
/// <remarks>
/// <c>Counts</c>: Comments of each kind.<br/>
/// <c>LowQualityShare</c>: (emoji-only + spam + generic + very short) / N; null when N is 0.<br/>
/// <c>RepeatedCommenters</c>: Authors who commented on two or more of the sampled posts.<br/>
/// <c>RepeatedCommenterShare</c>: Comments written by those authors / comments with a known author.<br/>
/// <c>WindowStart</c>, <c>WindowEnd</c>: The first and last comment dates; null when no comment has a date.<br/>
/// </remarks>
public sealed record CommentQualityResult(
    int N,
    int Posts,
    IReadOnlyDictionary<CommentKind, int> Counts,
    double? LowQualityShare,
    double? LowQualityLow,
    double? LowQualityHigh,
    int Authors,
    int RepeatedCommenters,
    double? RepeatedCommenterShare,
    DateTime? WindowStart = null,
    DateTime? WindowEnd = null);

public static class CommentQuality
{
    public const int MinComments = 10;

    /// <summary>Concern when the 95% interval of the low-quality share lies wholly at or above this.</summary>
    public const double ConcernLowerBound = 0.5;

    public const double WatchShare = 0.45;

    /// <summary>Watch when this share of comments comes from the same few authors across posts.</summary>
    public const double WatchRepeatedShare = 0.5;

    public const int MinPostsForRepeats = 3;

    public const string Formula = "share_emoji_spam_generic_short_comments_wilson95";

    public static CommentQualityResult Measure(IReadOnlyList<VettingComment> comments)
    {
        var counts = Enum.GetValues<CommentKind>().ToDictionary(k => k, _ => 0);
        foreach (var comment in comments)
            counts[CommentClassifier.Classify(comment.Text)]++;
        var n = comments.Count;
        var low = n - counts[CommentKind.Substantive];
        var interval = WilsonInterval.Of(low, n);

        var byAuthor = comments.Where(c => !string.IsNullOrWhiteSpace(c.Author))
            .GroupBy(c => c.Author!.Trim().TrimStart('@').ToLowerInvariant())
            .Select(g => (Comments: g.Count(), Posts: g.Select(c => c.PostId).Distinct().Count()))
            .ToList();
        var withAuthor = byAuthor.Sum(a => a.Comments);
        var repeated = byAuthor.Where(a => a.Posts >= 2).ToList();
        var dates = comments.Where(c => c.PostedAt is not null).Select(c => c.PostedAt!.Value).ToList();
        return new CommentQualityResult(
            n, comments.Select(c => c.PostId).Distinct().Count(), counts,
            n == 0 ? null : (double)low / n, interval?.Low, interval?.High,
            byAuthor.Count, repeated.Count, withAuthor == 0 ? null : (double)repeated.Sum(a => a.Comments) / withAuthor,
            dates.Count == 0 ? null : dates.Min(), dates.Count == 0 ? null : dates.Max());
    }

    public static VettingSignal Signal(CommentQualityResult result)
    {
        const string label = "Comment quality";
        var expected = $"under {Pct(WatchShare)} emoji-only, spam, generic or very short comments; red flag when the 95% interval lies wholly at or above {Pct(ConcernLowerBound)}";
        if (result.N < MinComments || result.LowQualityShare is not { } share)
        {
            return new VettingSignal("comment_quality", label, null, "%", expected, SignalVerdict.NotEnoughData,
                $"Not enough data: {Plural.Of(result.N, "sampled comment")}, {MinComments} are needed.", Formula, result.N, result.WindowStart, result.WindowEnd);
        }
        var c = result.Counts;
        var breakdown = $"{Pct(share)} low quality (95% CI {Pct(result.LowQualityLow!.Value)}–{Pct(result.LowQualityHigh!.Value)}, N = {result.N} on {Plural.Of(result.Posts, "post")}: " +
            $"{c[CommentKind.EmojiOnly]} emoji-only, {c[CommentKind.Spam]} spam, {c[CommentKind.Generic]} generic, {c[CommentKind.VeryShort]} very short)";
        var repeats = result.Posts >= MinPostsForRepeats && result.RepeatedCommenterShare >= WatchRepeatedShare;
        (SignalVerdict verdict, string why) = result.LowQualityLow >= ConcernLowerBound
            ? (SignalVerdict.Concern, $"{breakdown}: most comments say nothing about the post, as bought or bot engagement does.")
            : share >= WatchShare
                ? (SignalVerdict.Watch, $"{breakdown}: many comments could sit under any post.")
                : repeats
                    ? (SignalVerdict.Watch, $"{Pct(result.RepeatedCommenterShare!.Value)} of comments come from {Plural.Of(result.RepeatedCommenters, "author")} who comment on post after post, as engagement pods do.")
                    : (SignalVerdict.Ok, $"{breakdown}: mostly comments about the posts themselves.");
        return new VettingSignal("comment_quality", label, Math.Round(share * 100, 1), "%", expected, verdict, why, Formula, result.N,
            result.WindowStart, result.WindowEnd);
    }

    private static string Pct(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
