namespace Grapevine.Core.Catalogue.Demo;

/// <summary>
/// An account's follower history, one value per day from day 0 to <c>Days</c> (the as-of date): organic growth
/// with noise, an optional viral jump (real followers, following a post that took off) and optional purchases of
/// followers (sudden jumps of followers who never engage, slowly purged by the platform).
/// </summary>
internal sealed record DemoGrowth(double[] Real, double[] Bought, int[] SpikeDays, int? ViralDay)
{
    public int Days => Real.Length - 1;

    public double Total(int day) => Real[day] + Bought[day];

    public double BoughtShareAtEnd => Bought[Days] / Total(Days);

    private static readonly double[] ViralSpread = [0.35, 0.25, 0.15, 0.1, 0.08, 0.07];
    private const double PurgePerDay = 0.002;

    public static DemoGrowth Simulate(Random random, long finalFollowers, double log10Followers, int days, int firstTrackedDay, bool fakeAudience, bool viral, bool inactive)
    {
        // Small accounts grow faster in relative terms; some accounts shrink.
        var monthly = inactive
            ? random.Normal() * 0.004 - 0.002
            : Math.Clamp(0.04 - 0.008 * (log10Followers - 2.5), 0.003, 0.04) + random.Normal() * 0.012;
        var daily = Math.Pow(1 + Math.Max(monthly, -0.2), 1.0 / 30) - 1;

        int? viralDay = viral ? random.Next(Math.Max(20, firstTrackedDay + 10), days - 10) : null;
        var viralGain = random.Between(0.08, 0.45);

        var real = new double[days + 1];
        real[0] = 1;
        for (var d = 1; d <= days; d++)
        {
            var step = 1 + daily + random.Normal() * 0.0015;
            if (viralDay is { } v && d >= v && d - v < ViralSpread.Length)
                step *= 1 + viralGain * ViralSpread[d - v];
            real[d] = real[d - 1] * step;
        }

        var bought = new double[days + 1];
        var spikes = Array.Empty<int>();
        if (fakeAudience)
        {
            // Each purchase adds 20-80% of the real audience of the day, delivered within two days and then
            // purged little by little.
            spikes = DrawSpikeDays(random, Math.Max(10, firstTrackedDay + 10), days - 7);
            foreach (var spike in spikes)
            {
                var amount = real[spike] * random.Between(0.2, 0.8);
                for (var d = spike; d <= days; d++)
                    bought[d] += amount * (d == spike ? 0.6 : 1.0) * Math.Pow(1 - PurgePerDay, d - spike);
            }
        }

        var scale = finalFollowers / (real[days] + bought[days]);
        for (var d = 0; d <= days; d++)
        {
            real[d] *= scale;
            bought[d] *= scale;
        }
        return new DemoGrowth(real, bought, spikes, viralDay);
    }

    private static int[] DrawSpikeDays(Random random, int from, int to)
    {
        var count = 1 + random.Next(3);
        var chosen = new SortedSet<int>();
        var attempts = 0;
        while (chosen.Count < count && attempts++ < 50)
        {
            var day = random.Next(from, to);
            if (chosen.All(c => Math.Abs(c - day) >= 14))
                chosen.Add(day);
        }
        return [.. chosen];
    }
}
