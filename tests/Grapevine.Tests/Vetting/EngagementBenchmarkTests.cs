using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;
using Grapevine.Core.Vetting;
using static Grapevine.Tests.Vetting.VettingFixtures;

namespace Grapevine.Tests.Vetting;

public class EngagementBenchmarkTests
{
    // 100 Instagram micro accounts with ER 0.1%, 0.2% … 10.0%, and 10 TikTok micro ones.
    private static readonly EngagementDistribution Distribution = new(
        [
            .. Enumerable.Range(1, 100).Select(i => (Platform.Instagram, "micro", i / 10.0)),
            .. Enumerable.Range(1, 10).Select(i => (Platform.TikTok, "micro", i / 10.0)),
        ],
        Now);

    private static MetricValue Er(double value) => MetricValue.Of(MetricDefinitions.ErByFollowers, value, 12, Now.AddDays(-40), Now);

    [Fact]
    public void Percentile_is_the_mid_rank_within_tier_and_platform()
    {
        Assert.Equal(49.5, Distribution.Percentile(Platform.Instagram, "micro", 5.0)!.Value, 9);
        Assert.Equal(0, Distribution.Percentile(Platform.Instagram, "micro", 0.01)!.Value, 9);
        Assert.Equal(100, Distribution.Percentile(Platform.Instagram, "micro", 50)!.Value, 9);
        Assert.Null(Distribution.Percentile(Platform.Instagram, "nano", 1));
        Assert.Equal(100, Distribution.Count(Platform.Instagram, "micro"));
        Assert.Equal(0.5, Distribution.ValueAt(Platform.Instagram, "micro", 5)!.Value, 9);
    }

    [Theory]
    [InlineData(3.0, SignalVerdict.Ok, "within the usual range")]
    [InlineData(0.3, SignalVerdict.Watch, "inactive or bought audience")]
    [InlineData(9.95, SignalVerdict.Watch, "engagement pods")]
    public void Reads_the_percentile_against_the_expected_range(double er, SignalVerdict verdict, string why)
    {
        var signal = EngagementBenchmark.Signal(Platform.Instagram, "micro", Er(er), Distribution);
        Assert.Equal(verdict, signal.Verdict);
        Assert.Contains(why, signal.Why);
        Assert.Equal(12, signal.N);
        Assert.Contains("P5–P98 of 100 Instagram micro accounts: 0.5%–9.8% ER", signal.ExpectedRange);
        Assert.Contains("0.54%", signal.ExpectedRange); // the published micro median as the basis sentence
        Assert.NotNull(signal.Value);
    }

    [Fact]
    public void Unknown_er_unknown_tier_or_too_few_peers_is_not_enough_data()
    {
        var unknown = EngagementBenchmark.Signal(Platform.Instagram, "micro", MetricValue.Unknown(MetricDefinitions.ErByFollowers), Distribution);
        var noTier = EngagementBenchmark.Signal(Platform.Instagram, null, Er(1), Distribution);
        var fewPeers = EngagementBenchmark.Signal(Platform.TikTok, "micro", Er(1), Distribution);
        Assert.All([unknown, noTier, fewPeers], s =>
        {
            Assert.Equal(SignalVerdict.NotEnoughData, s.Verdict);
            Assert.Null(s.Value);
        });
        Assert.Contains("10 TikTok micro accounts", fewPeers.Why);
    }

    [Fact]
    public void The_card_and_the_sentence_give_the_same_percentile()
    {
        // 367 peers: an ER tied with one of them at rank 49 is at (49 + 0.5) / 367 = P13.49, which reads P13 in both places.
        var peers = new EngagementDistribution(Enumerable.Range(1, 367).Select(i => (Platform.Instagram, "micro", i / 100.0)), Now);
        var signal = EngagementBenchmark.Signal(Platform.Instagram, "micro", Er(0.5), peers);
        Assert.Equal("P13", SignalValueText.Of(signal));
        Assert.Contains("is at P13 of", signal.Why);
    }

    [Fact]
    public void An_account_just_below_the_top_or_the_bottom_of_its_peers_is_never_shown_at_P100_or_P0()
    {
        // 1,000 peers: the highest ER is at (999 + 0.5) / 1,000 = P99.95, the lowest at P0.05.
        var peers = new EngagementDistribution(Enumerable.Range(1, 1000).Select(i => (Platform.Instagram, "micro", i / 100.0)), Now);
        var top = EngagementBenchmark.Signal(Platform.Instagram, "micro", Er(10), peers);
        Assert.Equal(99.95, top.Value!.Value, 6);
        Assert.Equal("P99", SignalValueText.Of(top));
        Assert.Contains("is at P99 of", top.Why);
        var bottom = EngagementBenchmark.Signal(Platform.Instagram, "micro", Er(0.01), peers);
        Assert.Equal("P1", SignalValueText.Of(bottom));
        Assert.Equal(("P100", "P0", "P50", "P14"), (PercentileText.Of(100), PercentileText.Of(0), PercentileText.Of(49.5), PercentileText.Of(13.5)));
    }

    [Theory]
    [InlineData(Platform.YouTube)]
    [InlineData(Platform.X)]
    [InlineData(Platform.Facebook)]
    [InlineData(Platform.Twitch)]
    [InlineData(Platform.Pinterest)]
    public void A_platform_without_a_published_median_quotes_none_rather_than_instagrams(Platform platform)
    {
        Assert.Null(EngagementBenchmark.ReferenceSentence(platform, "micro"));
        var signal = EngagementBenchmark.Signal(platform, "micro", Er(1), Distribution);
        Assert.DoesNotContain("Instagram", signal.ExpectedRange);
        Assert.DoesNotContain("0.54%", signal.ExpectedRange);
        Assert.Contains($"No published {platform.DisplayName()} median", signal.ExpectedRange);
    }

    [Fact]
    public void Instagram_and_tiktok_quote_their_own_published_medians()
    {
        Assert.Equal("HypeAuditor's 2026 Instagram median for nano accounts is 1.78%.", EngagementBenchmark.ReferenceSentence(Platform.Instagram, "nano"));
        Assert.Equal("Influencer Hero's TikTok median is 1.31%.", EngagementBenchmark.ReferenceSentence(Platform.TikTok, "micro"));
    }

    [Theory]
    [InlineData("macro")]
    [InlineData("emerging")]
    public void An_instagram_tier_without_a_published_median_says_so_before_quoting_the_others(string tier)
    {
        Assert.Equal($"HypeAuditor publishes no 2026 Instagram median for {tier} accounts; its medians are nano 1.78%, micro 0.54%, mega 0.33%.",
            EngagementBenchmark.ReferenceSentence(Platform.Instagram, tier));
    }
}
