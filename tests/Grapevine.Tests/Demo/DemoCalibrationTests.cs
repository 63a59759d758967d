using Grapevine.Core.Catalogue.Demo;

namespace Grapevine.Tests.Demo;

public class DemoCalibrationTests(DemoSample sample) : IClassFixture<DemoSample>
{
    private static readonly double[] Checked = [0.1, 0.25, 0.5, 0.75, 0.9];
    private static readonly DemoCalibration Calibration = DemoCalibration.Default;

    [Fact]
    public void Shipped_calibration_covers_every_niche_and_has_ordered_quantiles()
    {
        foreach (var niche in DemoNiches.All)
            Assert.NotNull(Calibration.Category(niche.DatasetCategory));
        Assert.Equal(1, Calibration.Categories.Sum(c => c.Share), 2);
        Assert.Equal(20, DemoNiches.All.Count);
        Assert.Equal(DemoNiches.All.Count, DemoNiches.All.Select(n => n.Slug).Distinct().Count());
        foreach (var values in Calibration.Categories.Select(c => c.Log10Followers)
            .Concat(Calibration.FollowingByFollowers.Select(b => b.Log10Values))
            .Concat(Calibration.PostsByFollowers.Select(b => b.Log10Values)))
        {
            Assert.Equal(Calibration.Probabilities.Length, values.Length);
            Assert.True(values.Zip(values.Skip(1)).All(p => p.First <= p.Second), "quantiles must not decrease");
        }
        // Shares of the "other" category add up across the twelve niches that split it.
        Assert.Equal(1, DemoNiches.All.Where(n => n.DatasetCategory == "other").Sum(n => n.ShareOfCategory), 6);
    }

    [Fact]
    public void Calibrated_follower_quantiles_match_the_data_set_per_category()
    {
        // Without the demo's tier re-weighting the generator reproduces the data set's distribution.
        var model = new DemoFollowerModel(Calibration, reweightTiers: false);
        var random = new Random(5);
        foreach (var category in Calibration.Categories)
        {
            var target = Calibration.Quantiles(category.Log10Followers);
            var drawn = Enumerable.Range(0, 20_000).Select(_ => model.DrawLog10Followers(random, category.Name)).Order().ToArray();
            foreach (var p in Checked)
            {
                var got = QuantileFunction.EmpiricalQuantile(drawn, p);
                // 0.05 in log10 is 12% in followers.
                Assert.True(Math.Abs(got - target.Quantile(p)) < 0.05,
                    $"{category.Name} p{p * 100}: generated 10^{got:0.000}, data set 10^{target.Quantile(p):0.000}");
            }
        }
    }

    [Fact]
    public void Calibrated_generator_matches_the_data_set_overall()
    {
        var accounts = new DemoGenerator(new DemoOptions(4000, 42, DemoSample.AsOf), reweightTiers: false).Generate().ToList();
        var log = accounts.Select(a => Math.Log10(a.Account.Followers!.Value)).Order().ToArray();
        // The data set's overall quantiles, as a share-weighted mixture of its categories.
        var mixture = new Random(9);
        var model = new DemoFollowerModel(Calibration, reweightTiers: false);
        var shares = Calibration.Categories.Select(c => c.Share).ToArray();
        var reference = Enumerable.Range(0, 40_000)
            .Select(_ => model.DrawLog10Followers(mixture, Calibration.Categories[mixture.PickWeighted(shares)].Name))
            .Order().ToArray();
        foreach (var p in Checked)
        {
            var got = QuantileFunction.EmpiricalQuantile(log, p);
            var want = QuantileFunction.EmpiricalQuantile(reference, p);
            Assert.True(Math.Abs(got - want) < 0.07, $"p{p * 100}: generated 10^{got:0.000}, calibration 10^{want:0.000}");
        }
        Assert.All(accounts, a => Assert.True(a.Account.Followers >= 1000, "the data set starts at 1,000 followers"));
    }

    [Fact]
    public void Demo_mix_favours_nano_and_micro_and_adds_emerging_accounts()
    {
        var share = sample.Accounts.GroupBy(a => a.Truth.Tier).ToDictionary(g => g.Key, g => (double)g.Count() / sample.Accounts.Count);
        foreach (var tier in DemoTiers.All)
            Assert.True(Math.Abs(share.GetValueOrDefault(tier.Name) - tier.DemoMix) < 0.03, $"{tier.Name}: {share.GetValueOrDefault(tier.Name):P1}, wanted {tier.DemoMix:P1}");
        Assert.True(share["nano"] + share["micro"] > 0.8);
    }

    [Fact]
    public void Following_and_posts_follow_the_data_set_by_size()
    {
        var model = new DemoFollowerModel(Calibration, reweightTiers: false);
        var random = new Random(3);
        for (var band = 0; band < Calibration.FollowingByFollowers.Count; band++)
        {
            var log10Followers = Calibration.FollowingByFollowers[band].MinLog10Followers + 0.1;
            var following = Enumerable.Range(0, 10_000).Select(_ => Math.Log10(model.DrawFollowing(random, log10Followers) + 1.0)).Order().ToArray();
            var posts = Enumerable.Range(0, 10_000).Select(_ => Math.Log10(model.DrawPosts(random, log10Followers) + 1.0)).Order().ToArray();
            var wantFollowing = Calibration.Quantiles(Calibration.FollowingByFollowers[band].Log10Values);
            var wantPosts = Calibration.Quantiles(Calibration.PostsByFollowers[band].Log10Values);
            foreach (var p in Checked)
            {
                Assert.True(Math.Abs(QuantileFunction.EmpiricalQuantile(following, p) - wantFollowing.Quantile(p)) < 0.05, $"following, band {band}, p{p * 100}");
                Assert.True(Math.Abs(QuantileFunction.EmpiricalQuantile(posts, p) - wantPosts.Quantile(p)) < 0.05, $"posts, band {band}, p{p * 100}");
            }
        }
        // Bigger accounts post more and follow fewer, as in the data set.
        Assert.True(Calibration.PostsByFollowers[^1].Log10Values[12] > Calibration.PostsByFollowers[0].Log10Values[12]);
        Assert.True(Calibration.FollowingByFollowers[^1].Log10Values[12] < Calibration.FollowingByFollowers[0].Log10Values[12]);
    }
}
