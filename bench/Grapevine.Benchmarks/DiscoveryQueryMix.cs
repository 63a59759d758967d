using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery;

namespace Grapevine.Benchmarks;

/// <summary>
/// The scenario's queries, the way marketers ask (issue 5): niche words, #hashtags, @competitor mentions within a
/// window, filter combinations from narrow to broad, brand preferences with brand keywords, every sort; each with facets. Words and
/// tags come from the catalogue itself (counted over a sample of profiles), so they range from common to rare.
/// </summary>
internal static class DiscoveryQueryMix
{
    private static readonly string[] Tiers = ["nano", "micro", "macro"];

    public static List<(string Kind, DiscoveryQuery Query)> Build(int count, int seed, IReadOnlyList<SearchProfile> sample)
    {
        var random = new Random(seed);
        var keywordRandom = new Random(seed + 1);
        var words = Frequent(sample.SelectMany(p => p.Words.Split(' ')), 3, 2_000);
        var hashtags = Frequent(sample.SelectMany(p => p.Terms).Where(t => t.Term.StartsWith('#')).Select(t => t.Term[1..]), 3, 300);
        var competitors = DemoNiches.All.SelectMany(n => n.Competitors).ToArray();
        var niches = DemoNiches.All.Select(n => n.Slug).ToArray();
        var countries = Frequent(sample.Select(p => p.Country).OfType<string>(), 1, 12);
        var queries = new List<(string, DiscoveryQuery)>();
        for (var i = 0; i < count; i++)
        {
            var sort = random.NextDouble() < 0.5 ? DiscoverySort.Fit : (DiscoverySort)random.Next(1, 5);
            var limit = random.NextDouble() < 0.7 ? DiscoveryQuery.DefaultLimit : 50;
            var (kind, query) = (i % 8) switch
            {
                0 => ("words", new DiscoveryQuery { Words = [.. Pick(random, words, random.Next(1, 3))] }),
                1 => ("words+filters", new DiscoveryQuery
                {
                    Words = [Pick(random, words)],
                    Countries = [Pick(random, countries)],
                    MinFollowers = 1_000,
                    MaxFollowers = 100_000,
                }),
                2 => ("hashtag", new DiscoveryQuery
                {
                    Hashtags = [Pick(random, hashtags)],
                    TagWindowDays = Pick(random, [30, 90, 180]),
                    Tiers = random.NextDouble() < 0.5 ? [Pick(random, Tiers)] : [],
                }),
                3 => ("mention", new DiscoveryQuery
                {
                    Mentions = [Pick(random, competitors)],
                    TagWindowDays = 90,
                    MinFollowers = random.NextDouble() < 0.5 ? 5_000 : null,
                }),
                4 => ("filters", Filters(random, countries, niches)),
                5 => ("niche+country", new DiscoveryQuery
                {
                    Niches = [Pick(random, niches)],
                    Countries = [Pick(random, countries)],
                    MinAudienceQuality = random.NextDouble() < 0.5 ? 0.7 : null,
                }),
                6 => ("broad", random.NextDouble() < 0.5
                    ? new DiscoveryQuery { Platforms = [Platform.Instagram] }
                    : new DiscoveryQuery { Tiers = ["nano", "micro"], PostedWithinDays = 30 }),
                _ => ("brand", new DiscoveryQuery
                {
                    Brand = new BrandPreferences([.. Pick(random, niches, 2)], [Pick(random, countries)], ["en"]),
                    Words = random.NextDouble() < 0.5 ? [Pick(random, words)] : [],
                    MaxPrice = 500,
                    Weights = random.NextDouble() < 0.5 ? FitWeights.Default : new FitWeights(Niche: 0.5, Cost: 0.3),
                }),
            };
            // Brand queries also name two brand keywords, drawn from their own generator so the rest of the mix is unchanged.
            if (kind == "brand")
                query = query with { Keywords = [.. Pick(keywordRandom, words, 2)] };
            queries.Add((kind, query with { Sort = sort, Limit = limit }));
        }
        return queries;
    }

    private static DiscoveryQuery Filters(Random random, string[] countries, string[] niches)
    {
        var query = new DiscoveryQuery();
        var filters = Enumerable.Range(0, 9).OrderBy(_ => random.Next()).Take(random.Next(2, 6));
        foreach (var filter in filters)
        {
            query = filter switch
            {
                0 => query with { Countries = [.. Pick(random, countries, random.Next(1, 3))] },
                1 => query with { Tiers = [Pick(random, Tiers)] },
                2 => query with { Niches = [Pick(random, niches)] },
                3 => query with { MinEngagementRate = 1 + random.Next(4) },
                4 => query with { MinAudienceQuality = 0.8 },
                5 => query with { MaxPrice = Pick(random, [100.0, 300.0, 1_000.0]) },
                6 => query with { PostedWithinDays = Pick(random, [7, 30, 90]) },
                7 => query with { HasEmail = true },
                _ => query with { MaxSponsoredShare = 20 },
            };
        }
        return query;
    }

    /// <summary>Values seen at least <paramref name="min"/> times, most frequent first, at most <paramref name="take"/>.</summary>
    private static string[] Frequent(IEnumerable<string> values, int min, int take) =>
        [.. values.Where(v => v.Length > 0).CountBy(v => v).Where(p => p.Value >= min).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(take).Select(p => p.Key)];

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static IEnumerable<string> Pick(Random random, string[] values, int count) =>
        Enumerable.Range(0, count).Select(_ => Pick(random, values)).Distinct();
}
