using Grapevine.Core.Catalogue;
using Grapevine.Core.Metrics;

namespace Grapevine.Core.Discovery.Pricing;

/// <summary>
/// Estimates what a creator charges for a deliverable (docs/discovery-data.md, "Prices"):
/// <code>
/// low(f), high(f) = the Instagram-post anchor range at f followers, interpolated linearly in (log f, log price)
/// base            = √(low × high)                                   (the geometric middle of the range)
/// factor_d        = the deliverable's price relative to an Instagram post
/// adjust          = clamp((ER / benchmark ER at f) ^ 0.5, 2/3, 3/2)   (1 when ER is unknown)
/// estimate        = base × factor_d × adjust, range [low, high] × factor_d × adjust, 3 significant digits
/// </code>
/// Unknown followers give no estimate. Pure and thread-safe.
/// </summary>
public sealed class PriceEstimator(PricingTable table, TierScheme? tiers = null)
{
    private static readonly Lazy<PriceEstimator> LazyDefault = new(() => new PriceEstimator(PricingTable.Default));

    public static PriceEstimator Default => LazyDefault.Value;

    public PricingTable Table => table;

    /// <summary>The platform's default deliverable (<see cref="Deliverables.DefaultFor"/>).</summary>
    public PriceEstimate? EstimateDefault(Platform platform, long? followers, double? engagementRatePercent) =>
        Estimate(Deliverables.DefaultFor(platform), followers, engagementRatePercent);

    /// <param name="deliverable">A name from <see cref="Deliverables.All"/>.</param>
    /// <param name="followers">The account's followers; null gives null.</param>
    /// <param name="engagementRatePercent">ER by followers in percent; null leaves the estimate unadjusted.</param>
    public PriceEstimate? Estimate(string deliverable, long? followers, double? engagementRatePercent)
    {
        var kind = Deliverables.Find(deliverable) ?? throw new ArgumentException($"unknown deliverable '{deliverable}'", nameof(deliverable));
        if (followers is not { } f || f < 0)
            return null;
        var factor = table.Deliverables[deliverable];
        var (low, high) = Range(f);
        var benchmark = BenchmarkEngagementRate(kind.Platform, f);
        var adjust = engagementRatePercent is { } er and >= 0
            ? Math.Clamp(Math.Pow(er / benchmark, table.Elasticity), table.MinFactor, table.MaxFactor)
            : 1.0;
        var scale = factor.Factor * adjust;
        return new PriceEstimate(deliverable, f, (tiers ?? TierScheme.Default).Classify(f),
            Significant(low * scale), Significant(Math.Sqrt(low * high) * scale), Significant(high * scale),
            Math.Round(adjust, 4), engagementRatePercent, Math.Round(benchmark, 4), factor.Calibrated);
    }

    /// <summary>The Instagram-post price range at <paramref name="followers"/> before factor and adjustment.</summary>
    public (double Low, double High) Range(long followers)
    {
        var anchors = table.Anchors;
        var first = anchors[0];
        if (followers <= first.Followers)
        {
            var perFollower = (double)followers / first.Followers;
            return (first.Low * perFollower, first.High * perFollower);
        }
        var last = anchors[^1];
        if (followers >= last.Followers)
        {
            var growth = Math.Pow((double)followers / last.Followers, table.AboveLastExponent);
            return (last.Low * growth, last.High * growth);
        }
        var i = 0;
        while (anchors[i + 1].Followers < followers)
            i++;
        var (a, b) = (anchors[i], anchors[i + 1]);
        var u = (Math.Log(followers) - Math.Log(a.Followers)) / (Math.Log(b.Followers) - Math.Log(a.Followers));
        return (Math.Exp(Lerp(Math.Log(a.Low), Math.Log(b.Low), u)), Math.Exp(Lerp(Math.Log(a.High), Math.Log(b.High), u)));
    }

    /// <summary>The benchmark ER by followers (percent) at a follower count: log-interpolated between tier medians, flat beyond.</summary>
    public double BenchmarkEngagementRate(Platform platform, long followers)
    {
        var points = table.Benchmarks.GetValueOrDefault(platform) ?? table.Benchmarks[table.DefaultBenchmarkPlatform];
        if (points.Count == 1 || followers <= points[0].Followers)
            return points[0].ErPercent;
        if (followers >= points[^1].Followers)
            return points[^1].ErPercent;
        var i = 0;
        while (points[i + 1].Followers < followers)
            i++;
        var (a, b) = (points[i], points[i + 1]);
        var u = (Math.Log(followers) - Math.Log(a.Followers)) / (Math.Log(b.Followers) - Math.Log(a.Followers));
        return Math.Exp(Lerp(Math.Log(a.ErPercent), Math.Log(b.ErPercent), u));
    }

    private static double Lerp(double a, double b, double u) => a + (b - a) * u;

    /// <summary>Three significant digits: an estimate should not look more precise than it is.</summary>
    internal static double Significant(double value)
    {
        if (value <= 0)
            return 0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 2);
        return Math.Round(Math.Round(value / magnitude) * magnitude, 6);
    }
}
