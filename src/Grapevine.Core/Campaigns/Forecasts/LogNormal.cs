namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>A log-normal outcome: ln X ~ Normal(Mu, Sigma²). Products of independent ones add Mu and Sigma².</summary>
internal readonly record struct LogNormal(double Mu, double Sigma)
{
    /// <summary>The 90% quantile of the standard normal: ±Z80 σ holds 80%.</summary>
    public const double Z80 = 1.2815515655446004;

    public double Mean => Math.Exp(Mu + Sigma * Sigma / 2);

    public LogNormal Times(LogNormal other) => new(Mu + other.Mu, Math.Sqrt(Sigma * Sigma + other.Sigma * other.Sigma));

    /// <summary>Mean, median and the 10% and 90% quantiles.</summary>
    public Estimate ToEstimate() =>
        new(Round(Mean), Round(Math.Exp(Mu)), Round(Math.Exp(Mu - Z80 * Sigma)), Round(Math.Exp(Mu + Z80 * Sigma)));

    internal static double Round(double x) => x >= 100 ? Math.Round(x) : Math.Round(x, 4);
}

/// <summary>
/// One post's outcome for one account: ln X = Mu + A + e, where A ~ Normal(0, Shared²) is what is not known about the
/// account itself (its true centre, its engagement rate by reach), the same for all its posts, and e ~ Normal(0,
/// PerPost²) is the post-to-post noise, independent between posts.
/// </summary>
internal readonly record struct AccountOutcome(double Mu, double Shared, double PerPost)
{
    public LogNormal OnePost => new(Mu, Math.Sqrt(Shared * Shared + PerPost * PerPost));

    /// <summary>An outcome with no post-to-post part: all its uncertainty is about the account.</summary>
    public static AccountOutcome Fixed(LogNormal value) => new(value.Mu, value.Sigma, 0);

    /// <summary>Divided by a rate of the account (the same for all its posts), so the rate's spread is shared.</summary>
    public AccountOutcome DividedBy(LogNormal rate) => new(Mu - rate.Mu, Math.Sqrt(Shared * Shared + rate.Sigma * rate.Sigma), PerPost);

    /// <summary>
    /// The total of <paramref name="count"/> posts, e^(Mu + A) · Σ e^(e_i): the sum of the independent parts is
    /// approximated by a log-normal with the same mean and variance (Fenton–Wilkinson), the shared part multiplies it
    /// whole. With count 1 this is <see cref="OnePost"/>; the mean is always count × the mean of one post.
    /// </summary>
    public LogNormal Sum(int count)
    {
        if (count == 1)
            return OnePost;
        var p2 = PerPost * PerPost;
        var sumS2 = Math.Log(1 + (Math.Exp(p2) - 1) / count);
        var sumMu = Math.Log(count) + p2 / 2 - sumS2 / 2;
        return new LogNormal(Mu + sumMu, Math.Sqrt(Shared * Shared + sumS2));
    }
}
