using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Vetting;
using static Grapevine.Tests.Vetting.VettingFixtures;

namespace Grapevine.Tests.Vetting;

public class BrandSafetyScannerTests
{
    private static readonly BrandSafetyLexicon Lexicon = new(
    [
        new BrandSafetyCategory("alcohol", ["beer", "#wine", "bière", "happy hour"]),
        new BrandSafetyCategory("gambling", ["casino"]),
    ]);

    private static List<BrandSafetyMatch> Scan(params string[] captions) =>
        BrandSafetyScanner.Scan(Platform.Instagram, "anna",
            captions.Select((c, i) => Post(Now.AddDays(-i), caption: c, id: $"post{i}")).ToList(), Lexicon);

    [Theory]
    [InlineData("Cold BEER after the hike", "beer")]
    [InlineData("Friday! #beer #sunset", "beer")]
    [InlineData("Une BIÈRE au soleil", "bière")]
    [InlineData("Glass of #Wine tonight", "#wine")]
    [InlineData("It's happy hour somewhere", "happy hour")]
    [InlineData("Happy\nhour with friends", "happy hour")]
    public void Finds_whole_words_and_hashtags_in_any_case(string caption, string keyword) =>
        Assert.Equal(keyword, Assert.Single(Scan(caption)).Keyword);

    [Theory]
    [InlineData("Beers with the team")]
    [InlineData("#craftbeer tasting")]
    [InlineData("Root-beerish colour")]
    [InlineData("The wine list was long")] // "#wine" matches only the hashtag
    [InlineData("A happy day, hour by hour")]
    [InlineData("Casinos of old Monaco")]
    [InlineData("")]
    public void Ignores_parts_of_words_and_plain_words_for_hashtag_keywords(string caption) => Assert.Empty(Scan(caption));

    [Fact]
    public void Root_beer_is_a_match_because_beer_is_a_whole_word_there()
    {
        // Whole-word matching cannot know "root beer" is soft; the lexicon decides (a workspace can remove "beer").
        Assert.Single(Scan("Root beer float"));
    }

    [Fact]
    public void A_match_carries_category_post_date_link_and_excerpt_once_per_keyword_and_post()
    {
        var caption = "Spent the whole afternoon at the seaside with my sister and then we went to the CASINO for a laugh, casino again tomorrow, never again";
        var match = Assert.Single(Scan(caption));
        Assert.Equal("gambling", match.Category);
        Assert.Equal("casino", match.Keyword);
        Assert.Equal("post0", match.PostId);
        Assert.Equal(Now, match.PostedAt);
        Assert.Equal("https://www.instagram.com/p/post0/", match.Url);
        Assert.StartsWith("…", match.Excerpt);
        Assert.Contains("CASINO", match.Excerpt);
        Assert.EndsWith("…", match.Excerpt);
        Assert.True(match.Excerpt.Length < caption.Length);
    }

    [Fact]
    public void One_match_per_category_at_one_place()
    {
        var lexicon = new BrandSafetyLexicon([new BrandSafetyCategory("alcohol", ["beer", "#beer"])]);
        var matches = BrandSafetyScanner.Scan(Platform.Instagram, "anna", [Post(Now, caption: "#beer o'clock")], lexicon);
        Assert.Single(matches);
    }

    [Fact]
    public void The_default_lexicon_loads_and_the_signal_reads_matches_as_watch()
    {
        var posts = new List<VettingPost> { Post(Now, caption: "Vote on Tuesday!", id: "a"), Post(Now.AddDays(-3), caption: "Morning run", id: "b"), Post(Now.AddDays(-5), caption: null, id: "c") };
        var matches = BrandSafetyScanner.Scan(Platform.TikTok, "anna", posts, BrandSafetyLexicon.Default);
        var match = Assert.Single(matches);
        Assert.Equal("politics", match.Category);
        Assert.Equal("https://www.tiktok.com/@anna/video/a", match.Url);
        var signal = BrandSafetyScanner.Signal(posts, matches, BrandSafetyLexicon.Default);
        Assert.Equal(SignalVerdict.Watch, signal.Verdict);
        Assert.Equal(1, signal.Value);
        Assert.Equal(2, signal.N);
        Assert.Contains("politics (vote)", signal.Why);
        // grapevine vet uses the shipped lists, not a workspace's: the expected range says which.
        Assert.StartsWith("no caption matching Grapevine's default brand-safety categories (", signal.ExpectedRange);
        var own = new BrandSafetyLexicon([new BrandSafetyCategory("competitors", ["rival cola"])]);
        Assert.Equal("no caption matching the workspace's brand-safety categories (competitors)", BrandSafetyScanner.Signal(posts, [], own).ExpectedRange);

        var clean = BrandSafetyScanner.Signal(posts.Skip(1).ToList(), [], BrandSafetyLexicon.Default);
        Assert.Equal(SignalVerdict.Ok, clean.Verdict);
        Assert.Equal(0, clean.Value);
        Assert.Equal(SignalVerdict.NotEnoughData, BrandSafetyScanner.Signal([posts[2]], [], BrandSafetyLexicon.Default).Verdict);
    }

    [Fact]
    public void A_workspace_without_brand_safety_lists_is_not_checked_and_never_helps_to_green()
    {
        var posts = Enumerable.Range(0, 22).Select(i => Post(Now.AddDays(-i), caption: "Morning run", id: $"p{i}")).ToList();
        BrandSafetyLexicon[] empty = [new([]), new([new BrandSafetyCategory("alcohol", [])])];
        foreach (var lexicon in empty)
        {
            var signal = BrandSafetyScanner.Signal(posts, BrandSafetyScanner.Scan(Platform.Instagram, "anna", posts, lexicon), lexicon);
            Assert.Equal(SignalVerdict.NotEnoughData, signal.Verdict);
            Assert.Null(signal.Value);
            Assert.Contains("this workspace has no brand-safety lists", signal.Why);
            Assert.DoesNotContain("()", signal.ExpectedRange);

            var (verdict, reasons) = VerdictRules.Decide(
                [VettingFixtures.Signal("audience_quality", SignalVerdict.Ok), VettingFixtures.Signal("follower_growth", SignalVerdict.Ok), signal]);
            Assert.Equal(VettingVerdict.Green, verdict);
            Assert.DoesNotContain("brand safety", reasons[0]); // not among the signals checked
            Assert.Contains("Brand safety: Not checked: this workspace has no brand-safety lists.", reasons);
        }
    }

    [Fact]
    public void The_sentence_names_four_keywords_of_a_category_and_counts_the_rest()
    {
        var lexicon = new BrandSafetyLexicon([new BrandSafetyCategory("alcohol", ["beer", "wine", "gin", "rum", "vodka"])]);
        var posts = new List<VettingPost> { Post(Now, caption: "Beer, wine, gin, rum and vodka tonight", id: "a") };
        var signal = BrandSafetyScanner.Signal(posts, BrandSafetyScanner.Scan(Platform.Instagram, "anna", posts, lexicon), lexicon);
        Assert.Contains("alcohol (beer, wine, gin, rum and 1 more)", signal.Why);
        Assert.StartsWith("1 of 1 caption matches:", signal.Why);
    }

    [Theory]
    [InlineData(Platform.Instagram, "https://www.instagram.com/p/Cx1/")]
    [InlineData(Platform.TikTok, "https://www.tiktok.com/@anna.b/video/Cx1")]
    [InlineData(Platform.YouTube, "https://www.youtube.com/watch?v=Cx1")]
    public void Links_point_at_the_post_on_its_platform(Platform platform, string url) =>
        Assert.Equal(url, PostLinks.For(platform, "anna.b", "Cx1"));
}
