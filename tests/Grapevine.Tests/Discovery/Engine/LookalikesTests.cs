using Grapevine.Core.Catalogue;
using static Grapevine.Tests.Discovery.Engine.IndexProfiles;

namespace Grapevine.Tests.Discovery.Engine;

public class LookalikesTests
{
    [Fact]
    public void Lookalikes_rank_by_niche_tags_and_size_and_say_why()
    {
        var index = Index(
            Profile(1, niches: [("food", 70), ("travel", 30)]).With(p => p.Followers = 10_000).Term("#vegan", 5).Term("@oatly", 50).Term("#brunch", 1),
            // Same niches, two shared tags, same size: the closest.
            Profile(2, niches: [("food", 70), ("travel", 30)]).With(p => p.Followers = 10_000).Term("#vegan", 1).Term("@oatly", 400),
            // Same niches, a tenth of the size, no shared tags.
            Profile(3, niches: [("food", 70), ("travel", 30)]).With(p => p.Followers = 1_000),
            // Other niche, one shared tag.
            Profile(4, niches: [("tech", 100)]).With(p => p.Followers = 12_000).Term("#brunch", 3),
            // Nothing in common.
            Profile(5, niches: [("tech", 100)]).With(p => p.Followers = 10_000).Term("#gadgets", 3),
            // Another platform.
            Profile(6, Platform.TikTok, niches: [("food", 70), ("travel", 30)]).With(p => p.Followers = 10_000).Term("#vegan", 5));

        var hits = index.FindSimilar(1, 10)!;

        Assert.Equal([2, 3, 4], hits.Select(h => h.AccountId));
        var best = hits[0];
        Assert.Equal(1, best.NicheSimilarity, 12);
        Assert.Equal(2.0 / 3.0, best.TagSimilarity, 12);
        Assert.Equal(1, best.SizeSimilarity, 12);
        Assert.Equal(0.5 + 0.3 * 2 / 3 + 0.2, best.Score, 12);
        Assert.Equal(["food", "travel"], best.SharedNiches);
        Assert.Equal(["#vegan", "@oatly"], best.SharedTerms.Order(StringComparer.Ordinal));
        Assert.Equal(0, hits[1].SizeSimilarity, 12);
        Assert.Equal(["#brunch"], hits[2].SharedTerms);
        Assert.Equal(0, hits[2].NicheSimilarity);
    }

    [Fact]
    public void Unknown_accounts_have_no_lookalikes_and_the_limit_holds()
    {
        var index = Index([.. Enumerable.Range(1, 30).Select(i => Profile(i, niches: [("pets", 50)]).With(p => p.Followers = 1_000 * i))]);

        Assert.Null(index.FindSimilar(999, 5));
        var hits = index.FindSimilar(10, 5)!;
        Assert.Equal(5, hits.Count);
        // Closest sizes first, on a log scale: 11k (0.041 decades away), 9k (0.046), 12k, 8k …
        Assert.Equal([11, 9, 12, 8, 13], hits.Select(h => h.AccountId));
        Assert.DoesNotContain(10, hits.Select(h => h.AccountId));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.FindSimilar(10, 0));
    }
}
