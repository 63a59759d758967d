namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// Draws an account's followers, following and posts counts from the calibration: followers from the
/// category's quantiles within a tier chosen by the demo mix, following and posts from the quantiles of the
/// data set's accounts of similar size (they depend on followers: Spearman-like trend, see docs/demo-data.md).
/// </summary>
internal sealed class DemoFollowerModel
{
    private readonly DemoCalibration _calibration;
    private readonly Dictionary<string, (QuantileFunction Followers, double[] TierWeights)> _categories = [];
    private readonly QuantileFunction[] _following;
    private readonly QuantileFunction[] _posts;

    public DemoFollowerModel(DemoCalibration calibration, bool reweightTiers)
    {
        _calibration = calibration;
        var tiers = DemoTiers.All;
        var fits = calibration.Categories.ToDictionary(c => c.Name, c => calibration.Quantiles(c.Log10Followers));

        // The data set's overall tier shares (a mixture of categories), to turn target shares into weights.
        var overall = new double[tiers.Count];
        foreach (var c in calibration.Categories)
        {
            for (var t = 1; t < tiers.Count; t++)
                overall[t] += c.Share * TierMass(fits[c.Name], tiers[t]);
        }

        foreach (var c in calibration.Categories)
        {
            var weights = new double[tiers.Count];
            for (var t = 1; t < tiers.Count; t++)
            {
                var mass = TierMass(fits[c.Name], tiers[t]);
                weights[t] = reweightTiers && overall[t] > 0 ? mass * tiers[t].DemoMix / overall[t] : mass;
            }
            var sum = weights.Sum();
            var emerging = reweightTiers ? tiers[0].DemoMix : 0;
            for (var t = 1; t < tiers.Count; t++)
                weights[t] = weights[t] / sum * (1 - emerging);
            weights[0] = emerging;
            _categories[c.Name] = (fits[c.Name], weights);
        }
        _following = calibration.FollowingByFollowers.Select(b => calibration.Quantiles(b.Log10Values)).ToArray();
        _posts = calibration.PostsByFollowers.Select(b => calibration.Quantiles(b.Log10Values)).ToArray();
    }

    public double DrawLog10Followers(Random random, string category)
    {
        var (fit, weights) = _categories[category];
        var tier = DemoTiers.All[random.PickWeighted(weights)];
        if (tier.Name == "emerging")
            return random.Between(tier.MinLog10, tier.MaxLog10);
        var lo = fit.Cdf(tier.MinLog10);
        var hi = fit.Cdf(tier.MaxLog10);
        var value = fit.Quantile(random.Between(lo, hi));
        // Interpolation can touch the upper edge; keep the account inside the tier it was drawn for.
        return Math.Min(value, tier.MaxLog10 - 1e-9);
    }

    public long DrawFollowing(Random random, double log10Followers) =>
        Draw(random, _following, _calibration.FollowingByFollowers, log10Followers);

    public long DrawPosts(Random random, double log10Followers) =>
        Draw(random, _posts, _calibration.PostsByFollowers, log10Followers);

    private static long Draw(Random random, QuantileFunction[] fits, IReadOnlyList<BandFit> bands, double log10Followers)
    {
        // Accounts below the data set's floor (emerging) take the lowest band.
        var band = 0;
        for (var i = 0; i < bands.Count; i++)
        {
            if (log10Followers >= bands[i].MinLog10Followers)
                band = i;
        }
        return Math.Max(0, (long)Math.Round(Math.Pow(10, fits[band].Quantile(random.NextDouble())) - 1));
    }

    private static double TierMass(QuantileFunction fit, DemoTiers.Tier tier) => fit.Cdf(tier.MaxLog10) - fit.Cdf(tier.MinLog10);
}
