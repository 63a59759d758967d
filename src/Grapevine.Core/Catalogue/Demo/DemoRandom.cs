namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Seeding and the few distributions the demo generator draws from.</summary>
internal static class DemoRandom
{
    /// <summary>
    /// A generator for one account and one purpose, independent of every other account, so that accounts
    /// can be generated in any order or in parallel and still come out the same. (HashCode is randomised
    /// per process, so a fixed mix is used instead.)
    /// </summary>
    public static Random For(int seed, int index, int stream)
    {
        var x = ((ulong)(uint)seed << 32) ^ (uint)index ^ ((ulong)stream << 56);
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return new Random((int)(x & 0x7FFFFFFF));
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Between(this Random random, double min, double max) => min + random.NextDouble() * (max - min);

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static int PickWeighted(this Random random, IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
            total += w;
        var r = random.Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            r -= weights[i];
            if (r < 0)
                return i;
        }
        return weights.Count - 1;
    }

    public static int PickWeighted(this Random random, IReadOnlyList<double> weights)
    {
        var r = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            r -= weights[i];
            if (r < 0)
                return i;
        }
        return weights.Count - 1;
    }

    public static double Normal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal value with the given median and spread (sigma of the natural log).</summary>
    public static double LogNormal(this Random random, double median, double sigma) => median * Math.Exp(sigma * random.Normal());

    /// <summary>The time to the next event of a Poisson process with the given mean gap.</summary>
    public static double Exponential(this Random random, double mean) => -mean * Math.Log(1.0 - random.NextDouble());

    /// <summary>The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
