using System.Text;
using Grapevine.Core.Discovery.Niches;

namespace Grapevine.Tests.Discovery.Niches;

public sealed class NicheTaxonomyTests
{
    private static readonly string[] IssueSlugs =
    [
        "beauty", "fashion", "fitness", "food", "travel", "parenting", "pets", "home-interior", "tech", "gaming", "finance",
        "education", "outdoor", "sustainability", "photography", "music", "books", "art-diy", "sports", "health-wellness",
    ];

    [Fact]
    public void Default_taxonomy_has_the_twenty_niches_of_the_issue_each_with_lexicons()
    {
        var taxonomy = NicheTaxonomy.Default;
        Assert.Equal(IssueSlugs, taxonomy.Niches.Select(n => n.Slug));
        Assert.All(taxonomy.Niches, n =>
        {
            Assert.False(string.IsNullOrWhiteSpace(n.Name));
            Assert.True(n.Keywords.Count >= 30, $"{n.Slug} has {n.Keywords.Count} keywords");
            Assert.True(n.Hashtags.Count >= 20, $"{n.Slug} has {n.Hashtags.Count} hashtags");
        });
        Assert.Equal("Home & interior", taxonomy.Find("home-interior")!.Name);
    }

    [Theory]
    [InlineData("Beauty", "beauty")]
    [InlineData("makeup", "beauty")]
    [InlineData("family", "parenting")]
    [InlineData("pet", "pets")]
    [InlineData("interior", "home-interior")]
    [InlineData("Home & Interior", "home-interior")]
    [InlineData("home-interior", "home-interior")]
    [InlineData("art-diy", "art-diy")]
    [InlineData("Health/Wellness", "health-wellness")]
    [InlineData("  FITNESS model ", "fitness")]
    [InlineData("Musician/Band", "music")]
    [InlineData("Gaming Video Creator", "gaming")]
    public void Categories_map_to_niches_ignoring_case_and_punctuation(string category, string slug) =>
        Assert.Equal(slug, NicheTaxonomy.Default.MapCategory(category));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Digital creator")]
    [InlineData("Sports & Outdoors")]
    public void Unknown_or_ambiguous_categories_map_to_nothing(string? category) =>
        Assert.Null(NicheTaxonomy.Default.MapCategory(category));

    [Fact]
    public void Load_reads_a_small_file()
    {
        var taxonomy = Load("""{"niches":[{"slug":"tea","name":"Tea","keywords":["tea","matcha"],"hashtags":["#teatime"],"aliases":["Tea House"]}]}""");
        var tea = Assert.Single(taxonomy.Niches);
        Assert.Equal(["teatime"], tea.Hashtags);
        Assert.Equal("tea", taxonomy.MapCategory("tea house"));
    }

    [Theory]
    [InlineData("""{"niches":[]}""", "no niches")]
    [InlineData("""{"niches":[{"slug":"Tea","name":"Tea","keywords":["tea"]}]}""", "slug 'Tea'")]
    [InlineData("""{"niches":[{"slug":"tea","name":"Tea","keywords":["green tea"]}]}""", "keyword 'green tea'")]
    [InlineData("""{"niches":[{"slug":"tea","name":"Tea","hashtags":["Tea"]}]}""", "hashtag 'Tea'")]
    [InlineData("""{"niches":[{"slug":"tea","name":"Tea","keywords":["tea"]},{"slug":"tea","name":"Tea 2","keywords":["tea"]}]}""", "listed twice")]
    [InlineData("""{"niches":[{"slug":"tea","name":"Tea","keywords":["tea"]},{"slug":"cafe","name":"Cafe","keywords":["cafe"],"aliases":["TEA"]}]}""", "already maps to 'tea'")]
    [InlineData("""{"niches":[{"slug":"tea","name":"Tea"}]}""", "neither keywords nor hashtags")]
    [InlineData("not json", "not a niche taxonomy")]
    public void Load_rejects_a_broken_file_saying_what_is_wrong(string json, string message)
    {
        var e = Assert.Throws<NicheTaxonomyException>(() => Load(json));
        Assert.Contains(message, e.Message);
    }

    private static NicheTaxonomy Load(string json) => NicheTaxonomy.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
