using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Query;

namespace Grapevine.Tests.Discovery;

public class BrandFitTests
{
    [Fact]
    public void A_campaigns_niches_and_keywords_join_the_searchs_own_without_changing_its_filters()
    {
        var query = new DiscoveryQuery { Niches = ["food"], Countries = ["US"], Languages = ["en"], Keywords = ["vegan"] };

        var ranked = BrandFit.With(query, ["fitness", "food"], ["Oat Milk", "the", "vegan", "#Protein"]);

        Assert.Equal(new[] { "food", "fitness" }, ranked.Brand!.Niches);
        Assert.Equal(new[] { "US" }, ranked.Brand.Countries);
        Assert.Equal(new[] { "en" }, ranked.Brand.Languages);
        Assert.Equal(["vegan", "oat milk", "protein"], ranked.Keywords);
        Assert.Equal(query.Niches, ranked.Niches);
        Assert.Equal(query.Countries, ranked.Countries);
        Assert.Same(query, BrandFit.With(query, [], []));
    }

    [Fact]
    public void At_most_the_keyword_cap_is_kept()
    {
        var many = Enumerable.Range(0, 30).Select(i => $"word{i}").ToList();
        Assert.Equal(DiscoveryQuery.MaxKeywords, BrandFit.With(new DiscoveryQuery(), [], many).Keywords.Count);
    }
}
