using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Browse;
using Grapevine.Core.Discovery.Query;

namespace Grapevine.Tests.Catalogue;

public class ParameterSpellingTests
{
    [Theory]
    [InlineData("minFollowers", "min_followers")]
    [InlineData("MIN-FOLLOWERS", "min_followers")]
    [InlineData("min_followers", "min_followers")]
    [InlineData("followers", null)]
    [InlineData("", null)]
    public void Finds_the_name_meant_apart_from_case_and_punctuation(string key, string? meant) =>
        Assert.Equal(meant, ParameterSpelling.Meant(key, ["platform", "min_followers", "max_followers"]));

    [Fact]
    public void Lists_and_search_name_the_parameter_meant_each_in_its_own_words()
    {
        Assert.Equal("not a parameter of this list; did you mean 'minFollowers'?", AccountQuery.UnknownParameter("min_followers"));
        Assert.StartsWith("not a parameter of this list; the parameters are platform, tier,", AccountQuery.UnknownParameter("q"));
        Assert.Equal("not a search parameter; did you mean 'min_followers'?", DiscoveryFields.Unknown("minFollowers"));
        Assert.Equal($"not a search parameter; did you mean '{DiscoveryFields.Text}'?", DiscoveryFields.Unknown("text"));
    }
}
