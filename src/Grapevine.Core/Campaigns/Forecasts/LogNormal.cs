namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>A log-normal outcome: ln X ~ Normal(Mu, Sigma²). Products of independent ones add Mu and Sigma².</summary>
internal readonly record struct LogNormal(double Mu, double Sigma)
{
    /// <summary>The 90% quantile of the standard normal: ±Z80 σ holds 80%.</summary>
    public const double Z80 = 1.2815515655446004;

    public LogNormal Times(LogNormal other) => new(Mu + other.Mu, Math.Sqrt(Sigma * Sigma + other.Sigma * other.Sigma));

    public LogNormal DividedBy(LogNormal other) => new(Mu - other.Mu, Math.Sqrt(Sigma * Sigma + other.Sigma * other.Sigma));

    /// <summary>
    /// The sum of <paramref name="count"/> independent draws, approximated by a log-normal with the same mean and
    /// variance (Fenton–Wilkinson).
    /// </summary>
    public LogNormal Sum(int count)
    {
        if (count == 1)
            return this;
        var s2 = Sigma * Sigma;
        var mean = count * Math.Exp(Mu + s2 / 2);
        var variance = count * (Math.Exp(s2) - 1) * Math.Exp(2 * Mu + s2);
        var sumS2 = Math.Log(1 + variance / (mean * mean));
        return new LogNormal(Math.Log(mean) - sumS2 / 2, Math.Sqrt(sumS2));
    }

    /// <summary>The median as the expected value, and the 10% and 90% quantiles.</summary>
    public Estimate ToEstimate() => new(Round(Math.Exp(Mu)), Round(Math.Exp(Mu - Z80 * Sigma)), Round(Math.Exp(Mu + Z80 * Sigma)));

    private static double Round(double x) => x >= 100 ? Math.Round(x) : Math.Round(x, 4);
}
