using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;
using static Grapevine.Tests.Vetting.VettingFixtures;

namespace Grapevine.Tests.Vetting;

public class ContentSignalsTests
{
    private static List<PostObservation> Observations(IEnumerable<VettingPost> posts) => [.. posts.Select(p => p.Observation)];

    [Fact]
    public void Sponsored_saturation_reuses_the_stored_metrics_and_watches_over_40_percent()
    {
        // 20 feed posts, every other one disclosed with #ad.
        var posts = Enumerable.Range(0, 20).Select(i => Post(Now.AddDays(-i), likes: 100, hashtags: i % 2 == 0 ? "ad" : "")).ToList();
        var share = ContentMetrics.SponsoredShare(Observations(posts));
        var signal = SponsoredSaturation.Signal(share, ContentMetrics.PaidOrganicRatio(10_000, Observations(posts)));
        Assert.Equal(SignalVerdict.Watch, signal.Verdict);
        Assert.Equal(50, signal.Value);
        Assert.Equal(20, signal.N);
        Assert.Contains("50% of the last 20 feed posts are sponsored", signal.Why);
        Assert.Contains("1× the ER of organic ones", signal.Why);
    }

    [Fact]
    public void Sponsored_posts_the_audience_ignores_are_a_watch()
    {
        var posts = Enumerable.Range(0, 20).Select(i => i % 5 == 0
            ? Post(Now.AddDays(-i), likes: 30, paid: true)
            : Post(Now.AddDays(-i), likes: 200)).ToList();
        var signal = SponsoredSaturation.Signal(ContentMetrics.SponsoredShare(Observations(posts)), ContentMetrics.PaidOrganicRatio(10_000, Observations(posts)));
        Assert.Equal(SignalVerdict.Watch, signal.Verdict);
        Assert.Contains("ignores the ads", signal.Why);
        Assert.Equal(20, signal.Value);
    }

    [Fact]
    public void Few_sponsored_posts_are_ok_and_no_posts_is_not_enough_data()
    {
        var posts = Enumerable.Range(0, 20).Select(i => Post(Now.AddDays(-i), paid: i == 3)).ToList();
        var ok = SponsoredSaturation.Signal(ContentMetrics.SponsoredShare(Observations(posts)), ContentMetrics.PaidOrganicRatio(10_000, Observations(posts)));
        Assert.Equal(SignalVerdict.Ok, ok.Verdict);
        Assert.Contains("ratio is unknown", ok.Why);
        var none = SponsoredSaturation.Signal(ContentMetrics.SponsoredShare([]), ContentMetrics.PaidOrganicRatio(10_000, []));
        Assert.Equal(SignalVerdict.NotEnoughData, none.Verdict);
        Assert.Null(none.Value);
    }

    [Fact]
    public void Posting_activity_reads_recency_and_regularity()
    {
        var regular = PostingActivity.Signal(Steady(), Now);
        Assert.Equal(SignalVerdict.Ok, regular.Verdict);
        Assert.Equal(1.7, regular.Value!.Value, 1); // 22 posts in 90 days = 1.71 a week
        Assert.Contains("last feed post 2 days ago", regular.Why, StringComparison.OrdinalIgnoreCase);

        var stale = PostingActivity.Signal([.. Steady().Select(p => p with { PostedAt = p.PostedAt.AddDays(-60) })], Now);
        Assert.Equal(SignalVerdict.Watch, stale.Verdict);
        Assert.Contains("inactive", stale.Why);

        // Nine posts in one day, then one 40 days later: bursts and silences.
        var bursts = Enumerable.Range(0, 9).Select(i => Post(Now.AddDays(-41).AddHours(i))).Append(Post(Now.AddDays(-1))).ToList();
        var irregular = PostingActivity.Signal(bursts, Now);
        Assert.Equal(SignalVerdict.Watch, irregular.Verdict);
        Assert.Contains("bursts", irregular.Why);

        var stories = PostingActivity.Signal([Post(Now, type: PostType.Story)], Now);
        Assert.Equal(SignalVerdict.NotEnoughData, stories.Verdict);
        Assert.Null(stories.Value);
    }
}
