using Grapevine.Core.Data;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using Grapevine.IntegrationTests.Infrastructure;

namespace Grapevine.IntegrationTests.Discovery.Engine;

/// <summary>The index must give SQL's answer: the same total, top K in the same order, the same scores and facets.</summary>
public class IndexSqlEqualityTests
{
    [Theory, BothProviders]
    public async Task The_index_returns_exactly_the_SQL_answer_for_every_query(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await DiscoveryFixture.SeedAsync(db);
        var index = await DiscoveryIndex.BuildAsync(db);
        Assert.Equal(400, index.Count);
        var sql = new SqlDiscoveryEngine(db);
        var context = new DiscoveryContext(DiscoveryFixture.Now);

        var nonEmpty = 0;
        foreach (var (name, query) in DiscoveryQueries.All)
        {
            var expected = await sql.SearchAsync(query, context);
            var actual = await index.SearchAsync(query, context);
            AssertSame(name, expected, actual);
            nonEmpty += expected.Total > 0 ? 1 : 0;
        }
        // The fixture is rich enough that nearly every query finds something (the few "unknown …" ones find nothing).
        Assert.True(nonEmpty >= DiscoveryQueries.All.Count - 6, $"only {nonEmpty} queries matched anything");
    }

    [Theory, BothProviders]
    public async Task Rate_cards_win_over_estimates_in_both_engines(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var profiles = await DiscoveryFixture.SeedAsync(db);
        // Every seventh account has a rate card: cheaper, dearer, free, and on accounts without an estimate.
        var rates = profiles.Where((_, i) => i % 7 == 0)
            .Select((p, i) => (p.AccountId, Price: (i % 4) switch { 0 => 12.5, 1 => 4_999.99, 2 => 0.0, _ => 250.0 }))
            .ToDictionary(r => r.AccountId, r => r.Price);
        rates[-1] = 10; // a rate card of an account the catalogue no longer has
        var index = await DiscoveryIndex.BuildAsync(db);
        var sql = new SqlDiscoveryEngine(db);
        var context = new DiscoveryContext(DiscoveryFixture.Now, Guid.NewGuid(), rates);
        var withoutRates = new DiscoveryContext(DiscoveryFixture.Now);

        DiscoveryQuery[] queries =
        [
            new() { MaxPrice = 250 },
            new() { MaxPrice = 20, Sort = DiscoverySort.Price },
            new() { Sort = DiscoverySort.Price, Limit = DiscoveryQuery.MaxLimit },
            new() { Weights = new FitWeights(0, 0, 0, 0, 1, 0, 0), Limit = DiscoveryQuery.MaxLimit },
            new() { Words = ["vegan"], MaxPrice = 5_000 },
            new() { Keywords = ["vegan", "yoga"], Weights = new FitWeights(Cost: 1, Keywords: 1), Limit = DiscoveryQuery.MaxLimit },
        ];
        foreach (var query in queries)
        {
            var expected = await sql.SearchAsync(query, context);
            AssertSame($"{query.Sort} max {query.MaxPrice}", expected, await index.SearchAsync(query, context));
            Assert.NotEqual(
                (await sql.SearchAsync(query, withoutRates)).Hits.Select(h => (h.AccountId, h.Score)),
                expected.Hits.Select(h => (h.AccountId, h.Score)));
        }
        var cheapest = await index.SearchAsync(new DiscoveryQuery { Sort = DiscoverySort.Price, Limit = 1 }, context);
        Assert.Equal(rates.First(r => r.Value == 0).Key, cheapest.Hits[0].AccountId);
    }

    [Theory, BothProviders]
    public async Task Keywords_rank_by_the_share_found_and_never_filter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var profiles = (await DiscoveryFixture.SeedAsync(db)).ToDictionary(p => p.AccountId);
        var index = await DiscoveryIndex.BuildAsync(db);
        var sql = new SqlDiscoveryEngine(db);
        var context = new DiscoveryContext(DiscoveryFixture.Now);
        string[] keywords = ["vegan", "zero waste", "東京"];
        var plain = new DiscoveryQuery { Limit = DiscoveryQuery.MaxLimit };
        var ranked = plain with { Keywords = keywords };

        foreach (var engine in new IDiscoveryEngine[] { sql, index })
        {
            var with = await engine.SearchAsync(ranked, context);
            var without = await engine.SearchAsync(plain, context);
            Assert.Equal(without.Total, with.Total);
            Assert.NotEqual(without.Hits.Select(h => h.AccountId), with.Hits.Select(h => h.AccountId));
            foreach (var hit in with.Hits)
            {
                var words = profiles[hit.AccountId].Words.Split(' ');
                var found = keywords.Count(k => k.Split(' ').All(words.Contains));
                Assert.Equal((double)found / keywords.Length, hit.Fit.Keywords.Value);
            }
            Assert.Contains(with.Hits, h => h.Fit.Keywords.Value > 0);
            Assert.Contains(with.Hits, h => h.Fit.Keywords.Value == 0);
        }
    }

    [Theory, BothProviders]
    public async Task Injection_like_terms_are_only_ever_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        await DiscoveryFixture.SeedAsync(db, count: 20);
        var query = new DiscoveryQuery
        {
            Hashtags = ["x');drop_table_search_profiles;--"],
            Mentions = ["a'or'1'='1"],
            Countries = ["' OR 1=1 --"],
        };
        var result = await new SqlDiscoveryEngine(db).SearchAsync(query, new DiscoveryContext(DiscoveryFixture.Now));
        Assert.Equal(0, result.Total);
        Assert.Equal(20, (await new SqlDiscoveryEngine(db).SearchAsync(new DiscoveryQuery(), new DiscoveryContext(DiscoveryFixture.Now))).Total);
    }

    internal static void AssertSame(string name, DiscoveryResult expected, DiscoveryResult actual)
    {
        Assert.True(expected.Total == actual.Total, $"{name}: total {actual.Total}, SQL says {expected.Total}");
        Assert.True(
            expected.Hits.Select(h => h.AccountId).SequenceEqual(actual.Hits.Select(h => h.AccountId)),
            $"{name}: hits [{string.Join(", ", actual.Hits.Select(h => $"{h.AccountId}:{h.Score:R}"))}], " +
            $"SQL says [{string.Join(", ", expected.Hits.Select(h => $"{h.AccountId}:{h.Score:R}"))}]");
        for (var i = 0; i < expected.Hits.Count; i++)
        {
            var (e, a) = (expected.Hits[i], actual.Hits[i]);
            Assert.True(Math.Abs(e.Score - a.Score) <= 1e-12, $"{name}: account {a.AccountId} scores {a.Score:R}, SQL says {e.Score:R}");
            Assert.Equal(e.Fit, a.Fit);
            Assert.True(Math.Abs(FitScorer.Total(a.Fit) - a.Score) <= 1e-12, $"{name}: the parts of {a.AccountId} do not add up to its score");
        }
        AssertFacet(name, "tiers", expected.Facets.Tiers, actual.Facets.Tiers);
        AssertFacet(name, "platforms", expected.Facets.Platforms, actual.Facets.Platforms);
        AssertFacet(name, "countries", expected.Facets.Countries, actual.Facets.Countries);
        AssertFacet(name, "niches", expected.Facets.Niches, actual.Facets.Niches);
    }

    private static void AssertFacet(string name, string facet, IReadOnlyDictionary<string, int> expected, IReadOnlyDictionary<string, int> actual) =>
        Assert.True(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(actual.OrderBy(p => p.Key, StringComparer.Ordinal)),
            $"{name}: {facet} facet {Show(actual)}, SQL says {Show(expected)}");

    private static string Show(IReadOnlyDictionary<string, int> facet) =>
        string.Join(", ", facet.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
