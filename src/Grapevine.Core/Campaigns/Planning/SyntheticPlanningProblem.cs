namespace Grapevine.Core.Campaigns.Planning;

/// <summary>
/// Random planning problems shaped like a catalogue shortlist, for benchmarks and property tests: nano and
/// micro creators on three platforms, prices in the ranges of reference.json (nano $30–$200 a post, micro
/// $100–$600), value per dollar spread log-normally, 30 overlap groups (10 niches × 3 countries) saturating at
/// 60% of their candidates' summed value, a post-and-stories upgrade for everyone and gifting for some nano
/// creators.
/// </summary>
public static class SyntheticPlanningProblem
{
    public static PlanningProblem Create(int candidates, int seed, double? budget = null, PlanRules? rules = null)
    {
        var random = new Random(seed);
        var list = new List<PlanCandidate>(candidates);
        for (var i = 0; i < candidates; i++)
        {
            var nano = random.NextDouble() < 0.6;
            var platform = random.NextDouble() switch { < 0.6 => "instagram", < 0.85 => "tiktok", _ => "youtube" };
            var (low, high) = nano ? (30.0, 200.0) : (100.0, 600.0);
            var fee = Math.Round(low * Math.Pow(high / low, random.NextDouble()), 2);
            var perDollar = Math.Exp(0.5 * Normal(random)) * (nano ? 1.15 : 1.0);
            var value = fee * perDollar;
            var options = new List<PlanOption>
            {
                new("1 post", fee, value),
                new("1 post + 2 stories", Math.Round(fee * 1.6, 2), value * 1.45),
            };
            if (nano && random.NextDouble() < 0.4)
                options.Add(new PlanOption("gifted post", 40, value * 0.7, Gifting: true));
            var group = $"niche{random.Next(10)}-{(char)('A' + random.Next(3))}";
            list.Add(new PlanCandidate($"c{i:D5}", nano ? "nano" : "micro", platform, group, options));
        }
        var saturation = list.GroupBy(c => c.OverlapGroup)
            .ToDictionary(g => g.Key, g => 0.6 * g.Sum(c => c.Options.Max(o => o.Value)));
        rules ??= new PlanRules
        {
            Budget = budget ?? candidates * 25.0,
            MinCreators = Math.Min(10, candidates / 10),
            MaxCreators = Math.Max(10, candidates / 5),
            MaxPerCreator = 800,
            Tiers = new Dictionary<string, CountRange> { ["nano"] = new(Min: Math.Min(5, candidates / 20)) },
            Platforms = new Dictionary<string, CountRange> { ["tiktok"] = new(Min: Math.Min(3, candidates / 30)), ["youtube"] = new(Max: Math.Max(2, candidates / 25)) },
        };
        return new PlanningProblem(list, rules, saturation);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
