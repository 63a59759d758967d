namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// A distribution given by its quantiles: <c>Values[i]</c> is the quantile at <c>Probabilities[i]</c>,
/// linearly interpolated in between. Both arrays are non-decreasing and start at p = 0 and end at p = 1.
/// </summary>
public sealed record QuantileFunction(double[] Probabilities, double[] Values)
{
    /// <summary>The value below which a share <paramref name="p"/> of the distribution lies.</summary>
    public double Quantile(double p)
    {
        p = Math.Clamp(p, 0, 1);
        var i = Array.BinarySearch(Probabilities, p);
        if (i >= 0)
            return Values[i];
        var hi = ~i;
        var lo = hi - 1;
        var t = (p - Probabilities[lo]) / (Probabilities[hi] - Probabilities[lo]);
        return Values[lo] + t * (Values[hi] - Values[lo]);
    }

    /// <summary>The share of the distribution below <paramref name="x"/> (the inverse of <see cref="Quantile"/>).</summary>
    public double Cdf(double x)
    {
        if (x <= Values[0])
            return 0;
        if (x >= Values[^1])
            return 1;
        var hi = 1;
        while (Values[hi] < x)
            hi++;
        var lo = hi - 1;
        var width = Values[hi] - Values[lo];
        var t = width <= 0 ? 0 : (x - Values[lo]) / width;
        return Probabilities[lo] + t * (Probabilities[hi] - Probabilities[lo]);
    }

    /// <summary>Fits the quantiles of <paramref name="sample"/> at the given probabilities (linear interpolation between order statistics).</summary>
    public static QuantileFunction Fit(IReadOnlyList<double> sample, double[] probabilities)
    {
        var sorted = sample.Order().ToArray();
        var values = probabilities.Select(p => EmpiricalQuantile(sorted, p)).ToArray();
        return new QuantileFunction(probabilities, values);
    }

    /// <summary>The sample quantile of sorted values (R's type 7).</summary>
    public static double EmpiricalQuantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            throw new ArgumentException("An empty sample has no quantiles.", nameof(sorted));
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
