using Grapevine.Core.Campaigns;

namespace Grapevine.Tests.Campaigns;

public class TextCutTests
{
    [Fact]
    public void A_cut_never_splits_an_emoji_or_a_combined_letter()
    {
        var name = "Copy of " + new string('a', 191) + "😀" + new string('b', 7);

        var cut = TextCut.Prefix(name, 200);

        Assert.Equal("Copy of " + new string('a', 191), cut);
        Assert.False(char.IsHighSurrogate(cut[^1]));
        Assert.Equal("", TextCut.Prefix("e\u0301x", 1));
        Assert.Equal("e\u0301", TextCut.Prefix("e\u0301x", 2));
        Assert.Equal("short", TextCut.Prefix("short", 200));
    }
}
