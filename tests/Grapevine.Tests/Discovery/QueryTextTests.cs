using Grapevine.Core.Catalogue.Import;
using Grapevine.Core.Discovery;
using Grapevine.Core.Discovery.Query;

namespace Grapevine.Tests.Discovery;

public class QueryTextTests
{
    private static QueryText Parse(string? text)
    {
        var problems = new List<string>();
        var parsed = QueryText.Parse(text, problems);
        Assert.Empty(problems);
        return parsed;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("\"\"")]
    [InlineData("# @ , ; --")]
    public void Empty_text_has_no_terms(string? text)
    {
        var parsed = Parse(text);
        Assert.Equal(0, parsed.Count);
    }

    [Fact]
    public void Words_hashtags_and_mentions_are_told_apart_lower_cased_and_deduplicated()
    {
        var parsed = Parse("Vegan fitness #VeganFit @Oatly vegan #veganfit @oatly #Plant_Based");
        Assert.Equal(["vegan", "fitness"], parsed.Words);
        Assert.Equal(["veganfit", "plant_based"], parsed.Hashtags);
        Assert.Equal(["oatly"], parsed.Mentions);
    }

    [Fact]
    public void Quoted_phrases_become_their_words()
    {
        var parsed = Parse("\"plant based\" recipes \"Zero Waste\"");
        Assert.Equal(["plant", "based", "recipes", "zero", "waste"], parsed.Words);
        Assert.Empty(parsed.Hashtags);
    }

    [Fact]
    public void Inside_quotes_hash_and_at_are_punctuation()
    {
        var parsed = Parse("\"#vegan @brand\" #keto");
        Assert.Equal(["vegan", "brand"], parsed.Words);
        Assert.Equal(["keto"], parsed.Hashtags);
        Assert.Empty(parsed.Mentions);
    }

    [Fact]
    public void An_unclosed_quote_runs_to_the_end()
    {
        var parsed = Parse("yoga \"morning flow #not_a_tag");
        Assert.Equal(["yoga", "morning", "flow", "tag"], parsed.Words);
        Assert.Equal(["not", "a"], parsed.Ignored.Select(i => i.Word));
        Assert.Empty(parsed.Hashtags);
    }

    [Theory]
    [InlineData("#café", "café")]
    [InlineData("#日本料理", "日本料理")]
    [InlineData("#ÜberFit", "überfit")]
    [InlineData("#हिन्दी", "हिन्दी")]
    [InlineData("#café!", "café")]
    [InlineData("(#vegan)", "vegan")]
    public void Unicode_hashtags_keep_their_letters(string text, string hashtag)
    {
        var parsed = Parse(text);
        Assert.Equal([hashtag], parsed.Hashtags);
        Assert.Empty(parsed.Words);
    }

    [Theory]
    [InlineData("@mara.moves", "mara.moves")]
    [InlineData("@The_Brand.Co.", "the_brand.co")]
    [InlineData("(@oatly)", "oatly")]
    [InlineData("@a_b.c_d, hi", "a_b.c_d")]
    public void Mentions_keep_dots_and_underscores(string text, string mention) =>
        Assert.Equal([mention], Parse(text).Mentions);

    [Fact]
    public void An_email_address_is_words_not_a_mention()
    {
        var parsed = Parse("anna@mail.com");
        Assert.Empty(parsed.Mentions);
        // "com" is a stop word: profiles never hold it (SearchProfileWords), so the query leaves it out and says so.
        Assert.Equal(["anna", "mail"], parsed.Words);
        Assert.Equal([new IgnoredWord("com", IgnoredReason.CommonWord)], parsed.Ignored);
    }

    [Fact]
    public void Hashtags_may_follow_anything_and_a_number_is_not_a_hashtag()
    {
        var parsed = Parse("run#a#b #2024 #1st");
        Assert.Equal(["a", "b", "1st"], parsed.Hashtags);
        // "#2024" is the number 2024, and profiles hold no numbers alone: ignored, with the reason.
        Assert.Equal(["run"], parsed.Words);
        Assert.Equal([new IgnoredWord("2024", IgnoredReason.Number)], parsed.Ignored);
    }

    [Theory]
    [InlineData("'; DROP TABLE accounts; --", new[] { "drop", "table", "accounts" })]
    [InlineData("\" OR 1=1", new string[0])]
    [InlineData("\" OR \"1\"=\"1", new string[0])]
    [InlineData("vegan') OR ('a'='a", new[] { "vegan" })]
    [InlineData("NEAR(vegan keto) AND * ^ : -fitness", new[] { "near", "vegan", "keto", "fitness" })]
    [InlineData("<script>alert(1)</script>", new[] { "script", "alert" })]
    [InlineData("%_\\ '' $1 ; \0 \u200b", new string[0])]
    public void Injection_like_input_is_only_words(string text, string[] words)
    {
        var parsed = Parse(text);
        Assert.Equal(words, parsed.Words);
        Assert.Empty(parsed.Hashtags);
        Assert.Empty(parsed.Mentions);
        Assert.All(parsed.Words, w => Assert.True(w.All(char.IsLetterOrDigit), w));
    }

    [Theory]
    [InlineData("#VeganFit and #café with @Mara.Moves. Mail anna@mail.com #2024 #a#b")]
    [InlineData("(@oatly) #日本料理! @x_y.z_")]
    public void Hashtags_and_mentions_are_read_the_way_captions_are(string text)
    {
        var parsed = Parse(text);
        var (hashtags, mentions) = CaptionTags.Extract(text);
        Assert.Equal(hashtags!.Split(' ', StringSplitOptions.RemoveEmptyEntries), parsed.Hashtags);
        Assert.Equal(mentions!.Split(' ', StringSplitOptions.RemoveEmptyEntries), parsed.Mentions);
    }

    [Fact]
    public void Words_no_profile_can_hold_are_ignored_with_their_reason()
    {
        var parsed = Parse("a vegan x THE protein 7 2024 " + new string('z', 41) + " x");
        Assert.Equal(["vegan", "protein"], parsed.Words);
        Assert.Equal(
            [
                new IgnoredWord("a", IgnoredReason.OneLetter), new IgnoredWord("x", IgnoredReason.OneLetter),
                new IgnoredWord("the", IgnoredReason.CommonWord), new IgnoredWord("7", IgnoredReason.OneLetter),
                new IgnoredWord("2024", IgnoredReason.Number), new IgnoredWord(new string('z', 41), IgnoredReason.TooLong),
            ],
            parsed.Ignored);

        var notices = QueryText.Notices("q", parsed.Ignored).ToList();
        Assert.Equal(
            [
                new QueryNotice("q", "Ignored 'a', 'x', '7': single letters and digits are not searchable."),
                new QueryNotice("q", "Ignored 'zzzzzzzzzzzzzzzzzzzz…': words longer than 40 characters are not searchable."),
                new QueryNotice("q", "Ignored '2024': numbers on their own are not searchable (#2024 and 2024 are read as a number)."),
                new QueryNotice("q", "Ignored 'the': such common words are left out of every profile, so they cannot match."),
            ],
            notices);
        Assert.Empty(Parse("vegan café 東京").Ignored);
    }

    [Theory]
    [InlineData("🔥", "🔥")]
    [InlineData("vegan 🔥🔥 recipes", "🔥🔥")]
    [InlineData("#", "#")]
    [InlineData("@@@", "@@@")]
    [InlineData("  ?!  ", "?!")]
    public void Emoji_symbols_and_text_with_nothing_searchable_are_named_not_dropped(string text, string named)
    {
        var ignored = Assert.Single(Parse(text).Ignored);
        Assert.Equal(new IgnoredWord(named, IgnoredReason.Symbols), ignored);
        Assert.Equal(
            $"Ignored '{named}': emoji, symbols and punctuation are not searchable; search matches words, #hashtags and @mentions.",
            Assert.Single(QueryText.Notices("q", [ignored])).Message);
    }

    [Fact]
    public void Punctuation_between_words_is_not_a_notice() =>
        Assert.Empty(Parse("vegan & gluten-free, \"meal prep\" — recipes!").Ignored);

    [Fact]
    public void Too_long_text_and_too_many_terms_are_refused()
    {
        var problems = new List<string>();
        QueryText.Parse(new string('a', QueryText.MaxLength + 1), problems);
        Assert.Contains("at most 1,000", Assert.Single(problems));

        problems.Clear();
        QueryText.Parse(string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}")), problems);
        Assert.Contains("at most 32", Assert.Single(problems));

        problems.Clear();
        QueryText.Parse("#" + new string('x', 101), problems);
        Assert.Contains("longer than 100 characters", Assert.Single(problems));
    }

    [Fact]
    public void Written_back_as_a_query()
    {
        Assert.Equal("vegan #keto @oatly", Parse("@Oatly Vegan #Keto").ToString());
    }
}
