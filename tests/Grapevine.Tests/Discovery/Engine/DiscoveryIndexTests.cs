using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Engine;
using static Grapevine.Tests.Discovery.Engine.IndexProfiles;

namespace Grapevine.Tests.Discovery.Engine;

public class DiscoveryIndexTests
{
    [Fact]
    public void Every_word_must_appear()
    {
        var index = Index(Profile(1, words: "vegan fitness café"), Profile(2, words: "vegan travel"), Profile(3, words: "fitness café"));

        Assert.Equal([1, 2], index.Search(new DiscoveryQuery { Words = ["vegan"], Sort = DiscoverySort.Followers }));
        Assert.Equal([1], index.Search(new DiscoveryQuery { Words = ["vegan", "café"] }));
        Assert.Empty(index.Search(new DiscoveryQuery { Words = ["vegan", "nowhere"] }));
        Assert.Equal(0, index.Search(new DiscoveryQuery { Words = ["nowhere"] }, Context).Total);
    }

    [Fact]
    public void Tags_and_mentions_count_within_the_window_only()
    {
        var index = Index(
            Profile(1).Term("#vegan", 10).Term("@oatly", 100),
            Profile(2).Term("#vegan", 3),
            Profile(3).Term("@oatly", 30).Term("#vegan", 200));

        Assert.Equal([2], index.Search(new DiscoveryQuery { Hashtags = ["vegan"], TagWindowDays = 7 }));
        Assert.Equal([1, 2], index.Search(new DiscoveryQuery { Hashtags = ["vegan"], TagWindowDays = 10 }));
        Assert.Equal([3], index.Search(new DiscoveryQuery { Mentions = ["oatly"] }));
        Assert.Equal([1, 3], index.Search(new DiscoveryQuery { Mentions = ["oatly"], TagWindowDays = 365 }));
        Assert.Empty(index.Search(new DiscoveryQuery { Mentions = ["oatly"], Hashtags = ["vegan"], TagWindowDays = 60 }));
        Assert.Empty(index.Search(new DiscoveryQuery { Hashtags = ["oatly"] }));
    }

    [Fact]
    public void A_niche_matches_from_a_score_of_25_in_any_listed_niche()
    {
        var index = Index(
            Profile(1, niches: [("food", 25)]),
            Profile(2, niches: [("food", 24), ("travel", 24)]),
            Profile(3, niches: [("travel", 60)]),
            Profile(4));

        Assert.Equal([1], index.Search(new DiscoveryQuery { Niches = ["food"] }));
        // Ranked by fit: the niche filter is the brand, and account 3 scores 60 in it against account 1's 25.
        Assert.Equal([3, 1], index.Search(new DiscoveryQuery { Niches = ["food", "travel"] }));
        Assert.Empty(index.Search(new DiscoveryQuery { Niches = ["astrology"] }));
    }

    [Fact]
    public void Numeric_filters_exclude_unknowns_except_sponsored_share()
    {
        SearchProfile[] profiles =
        [
            Profile(1).With(p => { p.Followers = 5_000; p.EngagementRate = 3; p.AudienceQuality = 0.9; p.PriceEstimate = 100; p.SponsoredShare = 5; }),
            Profile(2).With(p => { p.Followers = 50_000; p.EngagementRate = 1; p.AudienceQuality = 0.5; p.PriceEstimate = 400; p.SponsoredShare = 40; }),
            Profile(3),
        ];
        var index = Index(profiles);

        Assert.Equal([1], index.Search(new DiscoveryQuery { MaxFollowers = 10_000 }));
        Assert.Equal([1, 2], index.Search(new DiscoveryQuery { MinFollowers = 5_000, MaxFollowers = 50_000, Sort = DiscoverySort.Price }));
        Assert.Equal([1], index.Search(new DiscoveryQuery { MinEngagementRate = 2 }));
        Assert.Equal([2], index.Search(new DiscoveryQuery { MaxEngagementRate = 2 }));
        Assert.Equal([1], index.Search(new DiscoveryQuery { MinAudienceQuality = 0.6 }));
        Assert.Equal([1], index.Search(new DiscoveryQuery { MaxPrice = 300 }));
        Assert.Equal([1, 3], index.Search(new DiscoveryQuery { MaxSponsoredShare = 10, Sort = DiscoverySort.Followers }));
    }

    [Fact]
    public void Flags_and_lists_filter()
    {
        var index = Index(
            Profile(1, Platform.TikTok).With(p => { p.IsVerified = true; p.HasEmail = true; p.Country = "US"; p.Language = "en"; p.Tier = "nano"; }),
            Profile(2).With(p => { p.IsVerified = false; p.Country = "DE"; p.Language = "de"; p.Tier = "micro"; p.LastPostedAt = NowSeconds - 40 * 86_400L; }),
            Profile(3).With(p => p.LastPostedAt = NowSeconds - 5 * 86_400L));

        Assert.Equal([1], index.Search(new DiscoveryQuery { Verified = true }));
        Assert.Equal([2], index.Search(new DiscoveryQuery { Verified = false }));
        Assert.Equal([1], index.Search(new DiscoveryQuery { HasEmail = true }));
        Assert.Equal([1], index.Search(new DiscoveryQuery { Platforms = [Platform.TikTok, Platform.YouTube] }));
        Assert.Equal([2], index.Search(new DiscoveryQuery { Countries = ["DE", "FR"] }));
        Assert.Equal([1], index.Search(new DiscoveryQuery { Languages = ["en"] }));
        Assert.Equal([2], index.Search(new DiscoveryQuery { Tiers = ["micro"] }));
        Assert.Equal([3], index.Search(new DiscoveryQuery { PostedWithinDays = 30 }));
    }

    [Fact]
    public void Sorts_put_unknowns_last_and_break_ties_by_account_id()
    {
        var index = Index(
            Profile(5).With(p => { p.EngagementRate = 2; p.Followers = 100; p.PriceEstimate = 50; p.Growth = 1; }),
            Profile(3).With(p => { p.EngagementRate = 2; p.Followers = 900; p.PriceEstimate = 50; p.Growth = -2; }),
            Profile(4),
            Profile(1).With(p => { p.EngagementRate = 7; p.PriceEstimate = 10; }),
            Profile(2));

        Assert.Equal([1, 3, 5, 2, 4], index.Search(new DiscoveryQuery { Sort = DiscoverySort.Er }));
        Assert.Equal([3, 5, 1, 2, 4], index.Search(new DiscoveryQuery { Sort = DiscoverySort.Followers }));
        Assert.Equal([1, 3, 5, 2, 4], index.Search(new DiscoveryQuery { Sort = DiscoverySort.Price }));
        Assert.Equal([5, 3, 1, 2, 4], index.Search(new DiscoveryQuery { Sort = DiscoverySort.Growth }));
        // Equal fit (no cost is known, so every score is the neutral one): account id decides.
        Assert.Equal([1, 2, 3, 4, 5], index.Search(new DiscoveryQuery { Sort = DiscoverySort.Fit, Weights = new FitWeights(0, 0, 0, 0, 1, 0, 0) }));
    }

    [Fact]
    public void The_top_k_is_the_prefix_of_a_longer_top_k()
    {
        var random = new Random(3);
        var profiles = Enumerable.Range(1, 2_000).Select(i => Profile(i, niches: [("food", random.Next(0, 101))]).With(p =>
        {
            p.EngagementPercentile = random.Next(5) == 0 ? null : Math.Round(random.NextDouble(), 1);
            p.AudienceQuality = Math.Round(random.NextDouble(), 1);
            p.SafetyScore = 1;
            p.LastPostedAt = NowSeconds - random.Next(100) * 86_400L;
        })).ToArray();
        var index = Index(profiles);
        var query = new DiscoveryQuery { Brand = new BrandPreferences(["food"], [], []), Limit = DiscoveryQuery.MaxLimit };

        var all = index.Search(query, Context);
        var top = index.Search(query with { Limit = 7 }, Context);

        Assert.Equal(all.Ids()[..7], top.Ids());
        Assert.Equal(all.Hits.Take(7).Select(h => h.Score), top.Hits.Select(h => h.Score));
        Assert.Equal(2_000, top.Total);
        // Scores descend; equal scores by account id.
        foreach (var (a, b) in all.Hits.Zip(all.Hits.Skip(1)))
            Assert.True(a.Score > b.Score || (a.Score == b.Score && a.AccountId < b.AccountId));
    }

    [Fact]
    public void Facets_count_every_match_with_an_empty_key_for_unknown()
    {
        var index = Index(
            Profile(1, Platform.TikTok, "vegan", ("food", 60)).With(p => { p.Tier = "nano"; p.Country = "US"; p.PrimaryNiche = "food"; }),
            Profile(2, Platform.Instagram, "vegan").With(p => { p.Tier = "nano"; }),
            Profile(3, Platform.Instagram, "vegan").With(p => { p.Tier = "micro"; p.Country = "US"; p.PrimaryNiche = "food"; }),
            Profile(4, Platform.Instagram, "other"));

        var result = index.Search(new DiscoveryQuery { Words = ["vegan"], Limit = 1 }, Context);

        Assert.Equal(3, result.Total);
        Assert.Single(result.Hits);
        Assert.Equal(new Dictionary<string, int> { ["nano"] = 2, ["micro"] = 1 }, result.Facets.Tiers);
        Assert.Equal(new Dictionary<string, int> { ["tiktok"] = 1, ["instagram"] = 2 }, result.Facets.Platforms);
        Assert.Equal(new Dictionary<string, int> { ["US"] = 2, [""] = 1 }, result.Facets.Countries);
        Assert.Equal(new Dictionary<string, int> { ["food"] = 2, [""] = 1 }, result.Facets.Niches);
    }

    [Fact]
    public void Rate_cards_win_over_estimates_in_filters_sorts_and_cost()
    {
        var index = Index(
            Profile(1).With(p => { p.PriceEstimate = 100; p.ExpectedEngagements = 100; }),
            Profile(2).With(p => { p.PriceEstimate = 900; p.ExpectedEngagements = 100; }),
            Profile(3).With(p => p.ExpectedEngagements = 100));
        var rates = new DiscoveryContext(Now, Guid.NewGuid(), new Dictionary<long, double> { [2] = 50, [3] = 300, [99] = 1 });

        Assert.Equal([2, 1, 3], index.Search(new DiscoveryQuery { MaxPrice = 300 }, rates).Ids());
        Assert.Equal([2], index.Search(new DiscoveryQuery { MaxPrice = 99 }, rates).Ids());
        Assert.Equal([1], index.Search(new DiscoveryQuery { MaxPrice = 300 }, Context).Ids());
        Assert.Equal([2, 1, 3], index.Search(new DiscoveryQuery { Sort = DiscoverySort.Price }, rates).Ids());
        var cost = index.Search(new DiscoveryQuery { Weights = new FitWeights(0, 0, 0, 0, 1, 0, 0) }, rates);
        Assert.Equal([2, 1, 3], cost.Ids());
        Assert.Equal(2.0 / 3.0, cost.Hits[0].Fit.Cost.Value!.Value, 12);
        Assert.Equal(cost.Hits[0].Score, FitScorer.Total(cost.Hits[0].Fit));
    }

    [Fact]
    public void Queries_the_parser_would_refuse_are_refused()
    {
        var index = Index(Profile(1, words: "vegan"));
        Assert.Throws<ArgumentException>(() => index.Search(new DiscoveryQuery { Words = ["two words"] }, Context));
        Assert.Throws<ArgumentException>(() => index.Search(new DiscoveryQuery { Words = ["\"vegan\""] }, Context));
        Assert.Throws<ArgumentException>(() => index.Search(new DiscoveryQuery { Limit = DiscoveryQuery.MaxLimit + 1 }, Context));
        Assert.Throws<ArgumentException>(() => index.Search(new DiscoveryQuery { Hashtags = ["a b"] }, Context));
    }
}

internal static class ProfileEditing
{
    /// <summary>Sets fields of a profile in an expression: <c>Profile(1).With(p =&gt; p.Followers = 5)</c>.</summary>
    public static SearchProfile With(this SearchProfile profile, Action<SearchProfile> edit)
    {
        edit(profile);
        return profile;
    }
}
