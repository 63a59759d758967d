using Grapevine.Core.Vetting;

namespace Grapevine.Tests.Vetting;

public class CommentQualityTests
{
    [Theory]
    [InlineData("😍😍😍", CommentKind.EmojiOnly)]
    [InlineData("🔥 🙌!!", CommentKind.EmojiOnly)]
    [InlineData("❤️", CommentKind.EmojiOnly)]
    [InlineData("", CommentKind.EmojiOnly)]
    [InlineData("Nice pic", CommentKind.Generic)]
    [InlineData("WOW amazing 🔥", CommentKind.Generic)]
    [InlineData("So beautiful ❤️", CommentKind.Generic)]
    [InlineData("Great content! DM us to collaborate 💰", CommentKind.Spam)]
    [InlineData("Nice feed! Check my page 🔥", CommentKind.Spam)]
    [InlineData("Très joli", CommentKind.VeryShort)]
    [InlineData("Obrigada!", CommentKind.VeryShort)]
    [InlineData("Where did you get that jacket?", CommentKind.Substantive)]
    [InlineData("Love this, Maria! The light on the lake is unreal", CommentKind.Substantive)]
    [InlineData("Этот рецепт я попробую завтра", CommentKind.Substantive)]
    public void Sorts_comments_by_kind(string text, CommentKind kind) => Assert.Equal(kind, CommentClassifier.Classify(text));

    [Fact]
    public void Breaks_a_sample_down_and_counts_repeated_commenters_across_posts()
    {
        VettingComment[] comments =
        [
            new("p1", "bot1", "Nice pic"), new("p2", "bot1", "Nice pic"), new("p3", "@Bot1", "🔥🔥🔥"),
            new("p1", "bot2", "😍"), new("p2", "bot2", "Wow"),
            new("p1", "ana", "Where did you get that jacket?"), new("p2", "ben", "Trying this recipe tonight"),
            new("p3", "cy", "Ok"), new("p3", null, "Check my page for more followers"), new("p3", "dee", "The second photo is my favourite"),
        ];
        var result = CommentQuality.Measure(comments);
        Assert.Equal(10, result.N);
        Assert.Equal(3, result.Posts);
        Assert.Equal(2, result.Counts[CommentKind.EmojiOnly]);
        Assert.Equal(3, result.Counts[CommentKind.Generic]);
        Assert.Equal(1, result.Counts[CommentKind.VeryShort]);
        Assert.Equal(1, result.Counts[CommentKind.Spam]);
        Assert.Equal(3, result.Counts[CommentKind.Substantive]);
        Assert.Equal(0.7, result.LowQualityShare!.Value, 9);
        Assert.Equal(6, result.Authors);
        Assert.Equal(2, result.RepeatedCommenters); // bot1 (also as @Bot1) on 3 posts, bot2 on 2
        Assert.Equal(5 / 9.0, result.RepeatedCommenterShare!.Value, 9);
        var (low, high) = WilsonInterval.Of(7, 10)!.Value;
        Assert.Equal(low, result.LowQualityLow!.Value, 9);
        Assert.Equal(high, result.LowQualityHigh!.Value, 9);
        var signal = CommentQuality.Signal(result);
        // 70% low quality, but with 10 comments the interval (40%–89%) is not wholly above 50%: a closer look, not a red flag.
        Assert.Equal(SignalVerdict.Watch, signal.Verdict);
        Assert.Equal(70, signal.Value);
        Assert.Contains("2 emoji-only, 1 spam, 3 generic, 1 very short", signal.Why);
    }

    [Fact]
    public void Thresholds_concern_watch_ok_and_not_enough_data()
    {
        static VettingComment[] Of(int low, int good) =>
        [
            .. Enumerable.Range(0, low).Select(i => new VettingComment($"p{i % 4}", $"a{i}", "Nice pic")),
            .. Enumerable.Range(0, good).Select(i => new VettingComment($"p{i % 4}", $"b{i}", "Which lens did you use for this one?")),
        ];
        Assert.Equal(SignalVerdict.Concern, CommentQuality.Signal(CommentQuality.Measure(Of(30, 10))).Verdict); // 75%, CI 60–86%
        Assert.Equal(SignalVerdict.Watch, CommentQuality.Signal(CommentQuality.Measure(Of(6, 4))).Verdict); // 60% but CI 31–83%
        Assert.Equal(SignalVerdict.Ok, CommentQuality.Signal(CommentQuality.Measure(Of(3, 17))).Verdict);
        var few = CommentQuality.Signal(CommentQuality.Measure(Of(9, 0)));
        Assert.Equal(SignalVerdict.NotEnoughData, few.Verdict);
        Assert.Null(few.Value);
        Assert.Equal(9, few.N);
    }

    [Fact]
    public void The_same_authors_on_post_after_post_are_a_watch()
    {
        var comments = Enumerable.Range(0, 20).Select(i => new VettingComment($"p{i % 5}", $"pod{i % 3}", $"Great idea number {i}, trying the recipe this weekend")).ToList();
        var signal = CommentQuality.Signal(CommentQuality.Measure(comments));
        Assert.Equal(SignalVerdict.Watch, signal.Verdict);
        Assert.Contains("engagement pods", signal.Why);
    }

    [Fact]
    public void The_window_runs_from_the_first_to_the_last_comment_date()
    {
        var first = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);
        var dated = Enumerable.Range(0, 12).Select(i => new VettingComment($"p{i % 3}", $"a{i}", "Which lens did you use for this one?",
            i == 5 ? null : first.AddDays(i))).ToList();
        var signal = CommentQuality.Signal(CommentQuality.Measure(dated));
        Assert.Equal(first, signal.WindowStart);
        Assert.Equal(first.AddDays(11), signal.WindowEnd);
        var few = CommentQuality.Signal(CommentQuality.Measure(dated.Take(3).ToList()));
        Assert.Equal(SignalVerdict.NotEnoughData, few.Verdict);
        Assert.Equal(first, few.WindowStart);

        var undated = CommentQuality.Signal(CommentQuality.Measure([.. dated.Select(c => c with { PostedAt = null })]));
        Assert.Null(undated.WindowStart);
        Assert.Null(undated.WindowEnd);
    }
}
