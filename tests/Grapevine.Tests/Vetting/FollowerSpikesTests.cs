using Grapevine.Core.Catalogue;
using Grapevine.Core.Vetting;
using static Grapevine.Tests.Vetting.VettingFixtures;

namespace Grapevine.Tests.Vetting;

public class FollowerSpikesTests
{
    // 26 weekly snapshots; between weeks 15 and 16 the account gains 30% on top of its usual growth.
    private static readonly List<Grapevine.Core.Metrics.SnapshotObservation> Spiked = Weekly(26, extra: w => w == 16 ? 0.30 : 0);
    private static DateTime SpikeWeekStart => Spiked[15].At;

    [Fact]
    public void Steady_growth_has_no_spike()
    {
        var result = FollowerSpikes.Detect(Platform.Instagram, "anna", Weekly(26), Steady());
        Assert.Empty(result.Spikes);
        Assert.Equal(26, result.Intervals);
        var signal = FollowerSpikes.Signal(result);
        Assert.Equal(SignalVerdict.Ok, signal.Verdict);
        Assert.Equal(0, signal.Value);
        Assert.Contains("No follower spike over 26 snapshot intervals", signal.Why);
    }

    [Fact]
    public void A_spike_with_a_matching_rise_in_engagement_is_organic()
    {
        var posts = Steady();
        posts.Add(Post(SpikeWeekStart.AddDays(1), likes: 4_000, comments: 200, id: "viral1"));
        var result = FollowerSpikes.Detect(Platform.Instagram, "anna", Spiked, posts);

        var spike = Assert.Single(result.Spikes);
        Assert.True(spike.Organic);
        Assert.Equal(Spiked[15].At, spike.From);
        Assert.Equal(Spiked[16].At, spike.To);
        Assert.InRange(spike.GainPercent, 30, 32);
        Assert.Equal("viral1", spike.EvidencePostId);
        Assert.Equal("https://www.instagram.com/p/viral1/", spike.EvidencePostUrl);
        Assert.Equal(20, spike.EvidenceRatio!.Value, 1);
        Assert.Contains("went viral", spike.Why);
        var signal = FollowerSpikes.Signal(result);
        Assert.Equal(SignalVerdict.Ok, signal.Verdict);
        Assert.Equal(0, signal.Value);
    }

    [Fact]
    public void A_spike_with_a_matching_rise_in_views_is_organic()
    {
        var posts = Steady(likes: 200, views: 5_000, type: PostType.Reel);
        posts.Add(Post(SpikeWeekStart.AddDays(2), likes: 250, comments: 12, type: PostType.Reel, views: 90_000, id: "reel9"));
        var spike = Assert.Single(FollowerSpikes.Detect(Platform.TikTok, "anna", Spiked, posts).Spikes);
        Assert.True(spike.Organic);
        Assert.Equal("https://www.tiktok.com/@anna/video/reel9", spike.EvidencePostUrl);
        Assert.Contains("views", spike.Why);
    }

    [Fact]
    public void The_same_spike_without_a_rise_is_suspicious()
    {
        var result = FollowerSpikes.Detect(Platform.Instagram, "anna", Spiked, Steady());
        var spike = Assert.Single(result.Spikes);
        Assert.False(spike.Organic);
        Assert.True(spike.Unexplained);
        Assert.True(spike.RobustZ >= FollowerSpikes.ZThreshold);
        var signal = FollowerSpikes.Signal(result);
        Assert.Equal(SignalVerdict.Concern, signal.Verdict);
        Assert.Equal(1, signal.Value);
        Assert.Contains($"by {Spiked[16].At:yyyy-MM-dd}", signal.Why);
        Assert.Contains("bought followers", signal.Why);
    }

    [Fact]
    public void A_post_long_before_the_spike_does_not_explain_it()
    {
        var posts = Steady();
        posts.Add(Post(SpikeWeekStart.AddDays(-30), likes: 4_000, comments: 200));
        Assert.True(Assert.Single(FollowerSpikes.Detect(Platform.Instagram, "anna", Spiked, posts).Spikes).Unexplained);
    }

    [Fact]
    public void A_spike_on_an_account_without_posts_cannot_be_checked()
    {
        var result = FollowerSpikes.Detect(Platform.Instagram, "anna", Spiked, []);
        var spike = Assert.Single(result.Spikes);
        Assert.False(spike.Verifiable);
        Assert.False(spike.Unexplained);
        Assert.Equal(SignalVerdict.Watch, FollowerSpikes.Signal(result).Verdict);
    }

    [Fact]
    public void A_two_interval_jump_is_one_spike()
    {
        var series = Weekly(26, extra: w => w is 10 or 11 ? 0.15 : 0);
        var spike = Assert.Single(FollowerSpikes.Detect(Platform.Instagram, "anna", series, Steady()).Spikes);
        Assert.Equal(series[9].At, spike.From);
        Assert.Equal(series[11].At, spike.To);
    }

    [Fact]
    public void A_drop_or_a_small_step_is_not_a_spike()
    {
        var drop = Weekly(26, extra: w => w == 8 ? -0.3 : 0);
        var small = Weekly(26, extra: w => w == 8 ? 0.01 : 0);
        Assert.Empty(FollowerSpikes.Detect(Platform.Instagram, "anna", drop, Steady()).Spikes);
        Assert.Empty(FollowerSpikes.Detect(Platform.Instagram, "anna", small, Steady()).Spikes);
    }

    [Fact]
    public void Fewer_than_six_intervals_is_not_enough_data()
    {
        var result = FollowerSpikes.Detect(Platform.Instagram, "anna", Weekly(5, extra: w => w == 3 ? 0.5 : 0), Steady());
        Assert.Empty(result.Spikes);
        var signal = FollowerSpikes.Signal(result);
        Assert.Equal(SignalVerdict.NotEnoughData, signal.Verdict);
        Assert.Null(signal.Value);
        Assert.Equal(5, signal.N);
    }

    [Fact]
    public void Snapshots_with_unknown_followers_are_skipped_not_read_as_zero()
    {
        var series = Weekly(26);
        series.Insert(10, new Grapevine.Core.Metrics.SnapshotObservation(series[10].At.AddDays(3), null));
        var result = FollowerSpikes.Detect(Platform.Instagram, "anna", series, Steady());
        Assert.Empty(result.Spikes);
        Assert.Equal(26, result.Intervals);
    }
}
