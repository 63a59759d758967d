namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// Draws follower profiles like SRF's labelled real or fake followers: posts, following and followers from the
/// fitted quantiles, tied together by a Gaussian copula with the fitted rank correlations; profile picture,
/// private account and digit-heavy username at the fitted rates. Full name, bio and external URL are not in
/// SRF's data; their rates are assumptions (docs/demo-data.md).
/// </summary>
internal sealed class DemoFollowerProfiles
{
    public sealed record Profile(long Posts, long Following, long Followers, bool HasProfilePic, bool IsPrivate, bool DigitHeavyUsername, bool HasFullName, int BioLength, bool HasExternalUrl);

    private readonly FollowerProfileFit _fit;
    private readonly QuantileFunction[] _marginals;
    private readonly double[,] _cholesky;
    private readonly bool _fake;

    public DemoFollowerProfiles(DemoCalibration calibration, bool fake)
    {
        _fake = fake;
        _fit = fake ? calibration.FakeFollowers : calibration.RealFollowers;
        _marginals = [calibration.Quantiles(_fit.Log10Posts), calibration.Quantiles(_fit.Log10Following), calibration.Quantiles(_fit.Log10Followers)];
        // Spearman's rho to the normal copula's correlation: r = 2 sin(pi rho / 6).
        var r = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
                r[i, j] = i == j ? 1 : 2 * Math.Sin(Math.PI * _fit.Spearman[i][j] / 6);
        }
        _cholesky = Cholesky(r);
    }

    public Profile Draw(Random random)
    {
        Span<double> z = [random.Normal(), random.Normal(), random.Normal()];
        Span<long> counts = stackalloc long[3];
        for (var i = 0; i < 3; i++)
        {
            var x = 0.0;
            for (var j = 0; j <= i; j++)
                x += _cholesky[i, j] * z[j];
            var u = DemoRandom.NormalCdf(x);
            counts[i] = Math.Max(0, (long)Math.Round(Math.Pow(10, _marginals[i].Quantile(u)) - 1));
        }
        var hasBio = random.Chance(_fake ? 0.2 : 0.7);
        return new Profile(
            counts[0], counts[1], counts[2],
            random.Chance(_fit.HasProfilePic),
            random.Chance(_fit.IsPrivate),
            random.Chance(_fit.DigitHeavyUsername),
            random.Chance(_fake ? 0.35 : 0.92),
            hasBio ? (int)Math.Clamp(random.LogNormal(_fake ? 18 : 45, 0.6), 1, 150) : 0,
            random.Chance(_fake ? 0.01 : 0.08));
    }

    private static double[,] Cholesky(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                    sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    // Not positive definite (cannot happen with rank correlations of real data, but stay safe): fall back to independence.
                    if (sum <= 0)
                        return Identity(n);
                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }
        return l;
    }

    private static double[,] Identity(int n)
    {
        var identity = new double[n, n];
        for (var i = 0; i < n; i++)
            identity[i, i] = 1;
        return identity;
    }
}
