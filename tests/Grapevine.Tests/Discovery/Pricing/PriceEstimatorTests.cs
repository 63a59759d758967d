using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Tests.Discovery.Pricing;

public sealed class PriceEstimatorTests
{
    private static readonly PriceEstimator Estimator = PriceEstimator.Default;

    // shared/data/reference.json, rates_usd_per_deliverable, as of this writing: (deliverable, tier, followers of the
    // band's bottom and top, USD low and high). The micro band is "10k-50k" in its notes.
    public static readonly TheoryData<string, string, long, long, double, double> Reference = new()
    {
        { "instagram_post", "nano", 1_000, 9_999, 10, 200 },
        { "instagram_post", "micro", 10_000, 50_000, 100, 500 },
        { "youtube_video", "micro", 10_000, 50_000, 200, 1000 },
        { "tiktok_video", "micro", 10_000, 50_000, 25, 125 },
        { "x_post", "micro", 10_000, 50_000, 20, 100 },
        { "facebook_post", "micro", 10_000, 50_000, 250, 1250 },
    };

    [Theory]
    [MemberData(nameof(Reference))]
    public void Reproduces_the_reference_ranges_at_their_follower_counts(
        string deliverable, string tier, long bottom, long top, double low, double high)
    {
        var atBottom = Estimator.Estimate(deliverable, bottom, null)!;
        var atTop = Estimator.Estimate(deliverable, top, null)!;
        Assert.Equal(tier, atBottom.Tier);
        Assert.Equal(tier, atTop.Tier);
        Assert.Equal(low, atBottom.Low, 0.01 * low);
        Assert.Equal(high, atTop.High, 0.01 * high);
        Assert.True(atBottom.Calibrated);
        // Every estimate across the band lies inside the reference range.
        foreach (var followers in new[] { bottom, (bottom + top) / 2, top })
        {
            var estimate = Estimator.Estimate(deliverable, followers, null)!;
            Assert.InRange(estimate.Low, low * 0.99, high * 1.01);
            Assert.InRange(estimate.High, low * 0.99, high * 1.01);
            Assert.InRange(estimate.Estimate, estimate.Low, estimate.High);
        }
    }

    [Fact]
    public void The_embedded_calibration_table_cites_the_reference_figures_the_test_checks()
    {
        var calibration = PricingTable.Default.Calibration;
        foreach (var row in Reference)
        {
            var (deliverable, tier, bottom, _, low, high) = ((string)row[0], (string)row[1], (long)row[2], (long)row[3], (double)row[4], (double)row[5]);
            var entry = Assert.Single(calibration, c => c.Deliverable == deliverable && c.Tier == tier);
            Assert.Equal(bottom, entry.Followers[0]);
            Assert.Equal([low, high], entry.Usd);
            Assert.Contains("reference.json", entry.Source);
        }
        Assert.Contains("reference.json", PricingTable.Default.Source);
    }

    [Fact]
    public void Mega_creators_cost_ten_thousand_dollars_and_more()
    {
        Assert.True(Estimator.Estimate("instagram_post", 1_000_000, null)!.Low >= 10_000 * 0.99);
        Assert.True(Estimator.Estimate("instagram_post", 5_000_000, null)!.Low > 10_000);
        Assert.Equal("mega", Estimator.Estimate("instagram_post", 5_000_000, null)!.Tier);
    }

    [Fact]
    public void TikTok_is_cheaper_and_YouTube_dearer_than_Instagram_at_the_same_size()
    {
        foreach (var followers in new long[] { 2_000, 30_000, 400_000 })
        {
            var instagram = Estimator.EstimateDefault(Platform.Instagram, followers, null)!.Estimate;
            Assert.True(Estimator.EstimateDefault(Platform.TikTok, followers, null)!.Estimate < instagram);
            Assert.True(Estimator.EstimateDefault(Platform.YouTube, followers, null)!.Estimate > instagram);
        }
    }

    [Fact]
    public void Prices_rise_with_followers()
    {
        var previous = 0.0;
        for (var followers = 100L; followers <= 50_000_000; followers = followers * 3 / 2)
        {
            var (low, high) = Estimator.Range(followers);
            Assert.True(low > previous, $"{followers}: {low} <= {previous}");
            Assert.True(high >= low);
            previous = low;
        }
    }

    [Fact]
    public void Within_a_tier_the_range_is_interpolated_in_log_followers()
    {
        // Halfway between 10k and 50k in log terms: √(10k × 50k) ≈ 22,361 → √(100 × 250) = 158.1 and √(200 × 500) = 316.2.
        var (low, high) = Estimator.Range(22_361);
        Assert.Equal(158.1, low, 0.1);
        Assert.Equal(316.2, high, 0.1);
    }

    [Fact]
    public void Engagement_moves_the_price_within_bounds()
    {
        var benchmark = Estimator.BenchmarkEngagementRate(Platform.Instagram, 30_000);
        var plain = Estimator.Estimate("instagram_post", 30_000, null)!;
        var typical = Estimator.Estimate("instagram_post", 30_000, benchmark)!;
        var twice = Estimator.Estimate("instagram_post", 30_000, benchmark * 2)!;
        var huge = Estimator.Estimate("instagram_post", 30_000, benchmark * 100)!;
        var dead = Estimator.Estimate("instagram_post", 30_000, 0)!;

        Assert.Equal(1, plain.EngagementFactor);
        Assert.Equal(1, typical.EngagementFactor, 3);
        Assert.Equal(plain.Estimate, typical.Estimate);
        Assert.Equal(Math.Sqrt(2), twice.EngagementFactor, 3);
        Assert.Equal(1.5, huge.EngagementFactor);
        Assert.Equal(0.6667, dead.EngagementFactor);
        Assert.Equal(plain.Estimate * 1.5, huge.Estimate, plain.Estimate * 0.01);
    }

    [Fact]
    public void Engagement_benchmarks_follow_the_reference_medians()
    {
        Assert.Equal(1.78, Estimator.BenchmarkEngagementRate(Platform.Instagram, 3_162), 3);
        Assert.Equal(1.78, Estimator.BenchmarkEngagementRate(Platform.Instagram, 500), 3);
        Assert.Equal(0.54, Estimator.BenchmarkEngagementRate(Platform.Instagram, 31_623), 3);
        Assert.Equal(0.33, Estimator.BenchmarkEngagementRate(Platform.Instagram, 50_000_000), 3);
        Assert.Equal(1.31, Estimator.BenchmarkEngagementRate(Platform.TikTok, 250_000), 3);
        // Platforms without a benchmark of their own use Instagram's.
        Assert.Equal(0.54, Estimator.BenchmarkEngagementRate(Platform.YouTube, 31_623), 3);
    }

    [Fact]
    public void Unknown_followers_give_no_estimate()
    {
        Assert.Null(Estimator.Estimate("instagram_post", null, 3.0));
        Assert.Throws<ArgumentException>(() => Estimator.Estimate("instagram_carousel", 1000, null));
    }

    [Theory]
    [InlineData(141.4213, 141)]
    [InlineData(3535.53, 3540)]
    [InlineData(12.345, 12.3)]
    [InlineData(0.04321, 0.0432)]
    [InlineData(0, 0)]
    public void Estimates_keep_three_significant_digits(double value, double expected) =>
        Assert.Equal(expected, PriceEstimator.Significant(value));
}
