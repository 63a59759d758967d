using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;
using static Grapevine.Tests.Vetting.VettingFixtures;

namespace Grapevine.Tests.Vetting;

/// <summary>The signals' sentences say what the numbers say: right words for the value, right number for the nouns.</summary>
public class SignalSentencesTests
{
    private static List<PostObservation> Observations(IEnumerable<VettingPost> posts) => [.. posts.Select(p => p.Observation)];

    private static readonly EngagementDistribution Distribution = new(
        [.. Enumerable.Range(1, 100).Select(i => (Platform.Instagram, "micro", i / 10.0))], Now);

    [Fact]
    public void Sponsored_saturation_under_half_does_not_say_most_posts()
    {
        // 10 of the last 23 feed posts are ads: 43.5%, a watch, but not "most".
        var posts = Enumerable.Range(0, 23).Select(i => Post(Now.AddDays(-i), paid: i < 10)).ToList();
        var signal = SponsoredSaturation.Signal(ContentMetrics.SponsoredShare(Observations(posts)), ContentMetrics.PaidOrganicRatio(10_000, Observations(posts)));
        Assert.Equal(SignalVerdict.Watch, signal.Verdict);
        Assert.Contains("43.5% of the last 23 feed posts are sponsored", signal.Why);
        Assert.DoesNotContain("most posts", signal.Why);
        Assert.Contains("more than two posts in five", signal.Why);

        var mostly = Enumerable.Range(0, 20).Select(i => Post(Now.AddDays(-i), paid: i < 15)).ToList();
        Assert.Contains("most posts", SponsoredSaturation.Signal(ContentMetrics.SponsoredShare(Observations(mostly)), ContentMetrics.PaidOrganicRatio(10_000, Observations(mostly))).Why);
    }

    [Fact]
    public void Sponsored_saturation_of_one_post_reads_in_the_singular()
    {
        var posts = Observations([Post(Now)]);
        var signal = SponsoredSaturation.Signal(ContentMetrics.SponsoredShare(posts), ContentMetrics.PaidOrganicRatio(10_000, posts));
        Assert.DoesNotContain("1 feed posts", signal.Why);
        Assert.StartsWith("The last feed post is not sponsored", signal.Why);
    }

    [Fact]
    public void Engagement_with_unknown_followers_names_the_follower_count_as_the_reason()
    {
        var er = EngagementRates.ByFollowers(null, Observations([Post(Now)]));
        var signal = EngagementBenchmark.Signal(Platform.Instagram, null, er, Distribution);
        Assert.Equal(SignalVerdict.NotEnoughData, signal.Verdict);
        Assert.Contains("the follower count is unknown", signal.Why);
        Assert.DoesNotContain("usable posts", signal.Why);
    }

    [Fact]
    public void Engagement_of_one_post_says_post_not_posts()
    {
        var signal = EngagementBenchmark.Signal(Platform.Instagram, "micro",
            MetricValue.Of(MetricDefinitions.ErByFollowers, 2, 1, Now, Now), Distribution);
        Assert.Contains("(median of 1 post)", signal.Why);
        var unknown = EngagementBenchmark.Signal(Platform.Instagram, "micro", MetricValue.Unknown(MetricDefinitions.ErByFollowers) with { N = 1 }, Distribution);
        Assert.Contains("(1 usable post)", unknown.Why);
    }

    [Fact]
    public void Posting_activity_with_too_few_posts_does_not_claim_regularity()
    {
        var signal = PostingActivity.Signal([Post(Now.AddDays(-1))], Now);
        Assert.DoesNotContain("regular.", signal.Why);
        Assert.Contains("1 feed post is too few to judge how regular posting is", signal.Why);
    }

    [Fact]
    public void Posting_activity_of_one_post_a_week_is_singular()
    {
        // 13 posts in 90 days: 1.01 a week, written "1".
        var posts = Enumerable.Range(0, 13).Select(i => Post(Now.AddDays(-1 - 6.5 * i))).ToList();
        var signal = PostingActivity.Signal(posts, Now);
        Assert.Contains(", 1 post a week over", signal.Why);
    }

    [Fact]
    public void Follower_growth_from_snapshots_at_zero_says_why_it_cannot_be_computed()
    {
        var zeros = Enumerable.Range(0, 7).Select(i => new SnapshotObservation(Now.AddDays(-7 * i), 0)).ToList();
        var signal = FollowerSpikes.Signal(FollowerSpikes.Detect(Platform.Instagram, "anna", zeros, Steady()));
        Assert.Equal(SignalVerdict.NotEnoughData, signal.Verdict);
        Assert.Contains("growth cannot be computed from the 7 snapshots at 0 followers", signal.Why);
    }

    [Fact]
    public void One_caption_one_comment_and_one_follower_are_singular()
    {
        var lexicon = new BrandSafetyLexicon([new BrandSafetyCategory("gambling", ["casino"])]);
        List<VettingPost> posts = [Post(Now)];
        var safety = BrandSafetyScanner.Signal(posts, BrandSafetyScanner.Scan(Platform.Instagram, "anna", posts, lexicon), lexicon);
        Assert.DoesNotContain("1 captions", safety.Why);
        Assert.Equal("The 1 known caption matches no brand-safety keyword.", safety.Why);

        var comments = CommentQuality.Signal(CommentQuality.Measure([new VettingComment("p1", "ana", "Nice pic")]));
        Assert.Contains("1 sampled comment,", comments.Why);
        var audience = AudienceQuality.Signal(AudienceQuality.Measure(Sample(1, 0), null));
        Assert.Contains("the 1 sampled follower cannot", audience.Why);
    }

    [Theory]
    [InlineData(1, "spikes", "1 suspect spike")]
    [InlineData(0, "spikes", "0 suspect spikes")]
    [InlineData(2, "spikes", "2 suspect spikes")]
    [InlineData(1, "posts", "1 post")]
    [InlineData(15.5, "percentile", "P16")]
    [InlineData(43.478, "%", "43.5%")]
    [InlineData(1.714, "posts/week", "1.7 posts/week")]
    public void Signal_values_read_the_same_on_the_page_and_in_the_cli(double value, string unit, string text) =>
        Assert.Equal(text, SignalValueText.Of(new VettingSignal("x", "X", value, unit, "", SignalVerdict.Ok, "", "f", 1, null, null)));

    [Theory]
    [InlineData(0, "0 posts")]
    [InlineData(1, "1 post")]
    [InlineData(2, "2 posts")]
    public void Plural_counts(long count, string text) => Assert.Equal(text, Plural.Of(count, "post"));
}
