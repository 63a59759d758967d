using Grapevine.Core.Catalogue.Import;

namespace Grapevine.Tests.Import;

public class CaptionTagsTests
{
    [Fact]
    public void Hashtags_and_mentions_are_lower_case_space_separated_and_unique()
    {
        var (hashtags, mentions) = CaptionTags.Extract("New #Recipe with @Bob.Cooks and @anna_b! #recipe #Yum\n#vegan #AD");
        Assert.Equal("recipe yum vegan ad", hashtags);
        Assert.Equal("bob.cooks anna_b", mentions);
    }

    [Fact]
    public void Unknown_caption_gives_unknown_tags_and_a_known_caption_without_tags_gives_empty()
    {
        Assert.Equal((null, null), CaptionTags.Extract(null));
        Assert.Equal(("", ""), CaptionTags.Extract("just a sunny day"));
    }

    [Fact]
    public void Email_addresses_are_not_mentions_and_a_trailing_full_stop_is_not_part_of_a_handle()
    {
        var (_, mentions) = CaptionTags.Extract("mail anna@example.com or ask @bob.");
        Assert.Equal("bob", mentions);
    }

    [Fact]
    public void Adjacent_tags_split_and_numbers_alone_are_not_tags()
    {
        var (hashtags, _) = CaptionTags.Extract("#one#two #1 C# #2024goals #café #日本");
        Assert.Equal("one two 2024goals café 日本", hashtags);
    }
}
