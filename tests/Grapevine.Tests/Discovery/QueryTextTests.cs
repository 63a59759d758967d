using Grapevine.Core.Catalogue.Import;
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
        Assert.Equal(["yoga", "morning", "flow", "not", "tag"], parsed.Words);
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
        Assert.Equal(["anna", "mail", "com"], parsed.Words);
    }

    [Fact]
    public void Hashtags_may_follow_anything_and_a_number_is_not_a_hashtag()
    {
        var parsed = Parse("run#a#b #2024 #1st");
        Assert.Equal(["a", "b", "1st"], parsed.Hashtags);
        Assert.Equal(["run", "2024"], parsed.Words);
    }

    [Theory]
    [InlineData("'; DROP TABLE accounts; --", new[] { "drop", "table", "accounts" })]
    [InlineData("\" OR 1=1", new[] { "or" })]
    [InlineData("\" OR \"1\"=\"1", new[] { "or" })]
    [InlineData("vegan') OR ('a'='a", new[] { "vegan", "or" })]
    [InlineData("NEAR(vegan keto) AND * ^ : -fitness", new[] { "near", "vegan", "keto", "and", "fitness" })]
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
