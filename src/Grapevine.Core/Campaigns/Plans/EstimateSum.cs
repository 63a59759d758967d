using Grapevine.Core.Campaigns.Forecasts;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>Adds up forecasts: across creators (independent) and within one creator (rising and falling together).</summary>
public static class EstimateSum
{
    private const double Z80 = 1.2815515655446004;

    /// <summary>
    /// Estimates of independent outcomes (different creators): the means add up, and so do the variances, each
    /// estimate read as a log-normal with its mean and the log spread of its 80% interval, σ = ln(High/Low) / (2 z₀.₉)
    /// (σ = ln(High/Median) / z₀.₉ where Low is 0); the total is the log-normal with that mean and variance
    /// (Fenton–Wilkinson), so the median and interval keep the right skew rather than a symmetric normal band.
    /// </summary>
    public static PlanTotal Of(IEnumerable<Estimate?> estimates)
    {
        double mean = 0, variance = 0;
        var n = 0;
        foreach (var e in estimates)
        {
            if (e is null)
                continue;
            var sigma = LogSpread(e);
            mean += e.Expected;
            variance += e.Expected * e.Expected * (Math.Exp(sigma * sigma) - 1);
            n++;
        }
        if (n == 0)
            return new PlanTotal(null, 0);
        if (mean <= 0)
            return new PlanTotal(new Estimate(0, 0, 0, 0), n);
        var s2 = Math.Log(1 + variance / (mean * mean));
        var mu = Math.Log(mean) - s2 / 2;
        var s = Math.Sqrt(s2);
        return new PlanTotal(new Estimate(mean, Math.Exp(mu), Math.Exp(mu - Z80 * s), Math.Exp(mu + Z80 * s)), n);
    }

    /// <summary>
    /// The total of an outcome that is a base outcome times rates every creator shares (clicks = impressions × the
    /// campaign's click-through rate …): the bases add up across creators as independent outcomes (<see cref="Of"/>),
    /// and the shared rate multiplies that total once, so its uncertainty stays whole instead of averaging away over
    /// creators as if each had a rate of its own.
    /// </summary>
    internal static PlanTotal Scaled(PlanTotal bases, LogNormal rate)
    {
        if (bases.Estimate is not { } total || total.Median <= 0)
            return bases.Estimate is null ? bases : bases with { Estimate = new Estimate(0, 0, 0, 0) };
        var product = new LogNormal(Math.Log(total.Median), LogSpread(total)).Times(rate);
        return new PlanTotal(product.ToEstimate(), bases.Creators);
    }

    /// <summary>
    /// Estimates of one creator's deliverables, which rise and fall together (same audience, same month): means, medians
    /// and both ends add up (quantiles of outcomes that move together add). Null when any is unknown (the option's total
    /// would be a guess).
    /// </summary>
    public static Estimate? Within(IReadOnlyList<Estimate?> estimates)
    {
        if (estimates.Count == 0 || estimates.Any(e => e is null))
            return null;
        return new Estimate(estimates.Sum(e => e!.Expected), estimates.Sum(e => e!.Median), estimates.Sum(e => e!.Low), estimates.Sum(e => e!.High));
    }

    private static double LogSpread(Estimate e)
    {
        if (e.Low > 0 && e.High > e.Low)
            return Math.Log(e.High / e.Low) / (2 * Z80);
        return e.Median > 0 && e.High > e.Median ? Math.Log(e.High / e.Median) / Z80 : 0;
    }
}
