using Grapevine.Core.Campaigns.Forecasts;

namespace Grapevine.Core.Campaigns.Plans;

/// <summary>
/// Adds estimates of independent outcomes: the expected values add up; the distances from the expected value to each
/// end of the 80% interval add in quadrature (the normal approximation for a sum of independent outcomes), and the low
/// end never goes below zero.
/// </summary>
public static class EstimateSum
{
    public static PlanTotal Of(IEnumerable<Estimate?> estimates)
    {
        double expected = 0, below = 0, above = 0;
        var n = 0;
        foreach (var e in estimates)
        {
            if (e is null)
                continue;
            expected += e.Expected;
            below += Square(e.Expected - e.Low);
            above += Square(e.High - e.Expected);
            n++;
        }
        return n == 0 ? new PlanTotal(null, 0) : new PlanTotal(new Estimate(expected, Math.Max(0, expected - Math.Sqrt(below)), expected + Math.Sqrt(above)), n);
    }

    /// <summary>
    /// Estimates of one creator's deliverables, which rise and fall together (same audience, same month): expected
    /// values and both ends add up. Null when any is unknown (the option's total would be a guess).
    /// </summary>
    public static Estimate? Within(IReadOnlyList<Estimate?> estimates)
    {
        if (estimates.Count == 0 || estimates.Any(e => e is null))
            return null;
        return new Estimate(estimates.Sum(e => e!.Expected), estimates.Sum(e => e!.Low), estimates.Sum(e => e!.High));
    }

    private static double Square(double x) => x * x;
}
