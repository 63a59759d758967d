namespace Grapevine.Core.Vetting;

/// <summary>The Wilson score interval of a binomial proportion: sound near 0 and 1 and with small samples.</summary>
public static class WilsonInterval
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>(low, high) of the proportion <paramref name="successes"/> / <paramref name="n"/>; null when n is 0.</summary>
    public static (double Low, double High)? Of(int successes, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        if (n == 0)
            return null;
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
