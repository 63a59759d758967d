using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using static Grapevine.Tests.Discovery.Engine.IndexProfiles;

namespace Grapevine.Tests.Discovery.Engine;

/// <summary>The index's shortcuts (bounds, blocks, rate merging) must rank exactly as scoring every row with FitScorer does.</summary>
public class IndexAgainstBruteForceTests
{
    public static TheoryData<string> Queries => ["default", "brand", "weights", "rates", "filtered", "keywords", "keywords, brand and text"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void The_index_ranks_like_scoring_every_row(string name)
    {
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0xffff);
        string[] niches = ["food", "travel", "tech"];
        var profiles = Enumerable.Range(1, 3_000).Select(i => Profile(i, niches: [(niches[i % 3], random.Next(0, 101))]).With(p =>
        {
            p.Country = random.Next(4) == 0 ? null : new[] { "US", "DE", "FR" }[random.Next(3)];
            p.EngagementPercentile = Maybe(random, () => Math.Round(random.NextDouble(), 2));
            p.AudienceQuality = Maybe(random, random.NextDouble);
            p.SafetyScore = Maybe(random, () => random.Next(3) == 0 ? random.NextDouble() : 1);
            p.ExpectedEngagements = Maybe(random, () => random.Next(5_000));
            p.PriceEstimate = Maybe(random, () => random.Next(1, 2_000));
            p.LastPostedAt = random.Next(6) == 0 ? null : NowSeconds - random.Next(150) * 86_400L;
            p.Words = string.Join(' ', new[] { $"user{i}" }.Concat(Vocabulary.Where(_ => random.Next(3) == 0)));
        })).ToArray();
        var rates = name == "rates" ? profiles.Where((_, i) => i % 5 == 0).ToDictionary(p => p.AccountId, _ => (double)random.Next(0, 300)) : null;
        var query = name switch
        {
            "brand" => new DiscoveryQuery { Brand = new BrandPreferences(["food", "tech"], ["US"], ["en"]), Limit = 50 },
            "weights" => new DiscoveryQuery { Weights = new FitWeights(0.1, 0, 0.6, 0.1, 0, 0.2, 0), Limit = 50 },
            "filtered" => new DiscoveryQuery { Countries = ["US", "DE"], MaxPrice = 1_000, Limit = 50 },
            "keywords" => new DiscoveryQuery { Keywords = ["vegan", "oat milk", "protein", "nowhere"], Limit = 50 },
            "keywords, brand and text" => new DiscoveryQuery
            {
                Words = ["yoga"],
                Keywords = ["vegan", "keto"],
                Brand = new BrandPreferences(["food"], ["DE"], []),
                Weights = new FitWeights(Keywords: 2),
                Limit = 50,
            },
            _ => new DiscoveryQuery { Limit = 50 },
        };
        var context = new DiscoveryContext(Now, null, rates);

        var actual = Index(profiles).Search(query, context);

        var plan = FitPlan.For(query, Now);
        var expected = profiles
            .Where(p => query.Words.All(w => p.Words.Split(' ').Contains(w)))
            .Where(p => query.Countries.Count == 0 || (p.Country is not null && query.Countries.Contains(p.Country)))
            .Select(p => (Profile: p, Price: rates?.GetValueOrDefault(p.AccountId, double.NaN) is { } r && !double.IsNaN(r) ? r : p.PriceEstimate))
            .Where(x => query.MaxPrice is null || x.Price <= query.MaxPrice)
            .Select(x => FitScorer.Hit(x.Profile.AccountId, plan, new FitInput(
                plan.NicheApplies ? Known(FitScorer.Niche(x.Profile.Niches.Where(n => plan.BrandNiches.Contains(n.Niche)).Sum(n => n.Score), x.Profile.Niches.Any(n => n.Score > 0))) : null,
                x.Profile.Country, x.Profile.Language, x.Profile.EngagementPercentile, x.Profile.AudienceQuality, x.Profile.ExpectedEngagements,
                x.Price, x.Profile.LastPostedAt, x.Profile.SafetyScore,
                plan.KeywordsApply ? FitScorer.Keywords(plan.BrandKeywords.Count(k => k.Split(' ').All(x.Profile.Words.Split(' ').Contains)), plan.BrandKeywords.Count) : null)))
            .OrderByDescending(h => h.Score).ThenBy(h => h.AccountId)
            .ToList();

        Assert.Equal(expected.Count, actual.Total);
        Assert.Equal(expected.Take(50).Select(h => (h.AccountId, h.Score)), actual.Hits.Select(h => (h.AccountId, h.Score)));
        Assert.Equal(expected.Take(50).Select(h => h.Fit), actual.Hits.Select(h => h.Fit));
    }

    private static readonly string[] Vocabulary = ["vegan", "oat", "milk", "protein", "keto", "yoga"];

    private static double? Known(double value) => double.IsNaN(value) ? null : value;

    private static double? Maybe(Random random, Func<double> value) => random.Next(8) == 0 ? null : value();
}
