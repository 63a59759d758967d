using Grapevine.Core.BrandSafety;
using Grapevine.Core.Catalogue;
using Grapevine.Core.Catalogue.Demo;
using Grapevine.Core.Discovery.Profiles;
using Grapevine.Core.Vetting;

namespace Grapevine.Tests.Discovery.Profiles;

public sealed class SafetyPrefilterTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_text_the_scanner_flags_passes_the_prefilter()
    {
        string[] handMade =
        [
            "BEER!", "#Beer", "#craft_beer", "vodka🍸tonight", "Casino-night", "a poker face", "knife fight club", "#420", "NSFW content",
            "Cold beers", "beer\u0301", "wine", "nothing to see", "#ad #sponsored", "élection", "Election day", "gun", "guns", "shooting stars",
        ];
        var demo = new DemoGenerator(new DemoOptions(300, 5, Now)).Generate().SelectMany(a => a.Posts.Select(p => p.Caption)).OfType<string>();
        var texts = handMade.Concat(demo).ToList();
        var lexicon = BrandSafetyLexicon.Default;
        var prefilter = SafetyPrefilter.For(lexicon);
        var flagged = 0;
        foreach (var text in texts)
        {
            var matches = BrandSafetyScanner.Scan(Platform.Instagram, "x", [new VettingPost("p", Now, PostType.Photo, text, null, null, null, null, null, null, null, null)], lexicon);
            if (matches.Count == 0)
                continue;
            flagged++;
            Assert.True(prefilter.MayMatch(text), text);
        }
        Assert.True(flagged >= 10, $"only {flagged} flagged texts: the test would prove little");
        Assert.False(prefilter.MayMatch("Morning coffee and a long walk #sunday"));
    }

    [Fact]
    public void A_keyword_without_a_usable_token_lets_every_text_through()
    {
        var lexicon = new BrandSafetyLexicon([new BrandSafetyCategory("odd", ["x"])]);
        Assert.True(SafetyPrefilter.For(lexicon).MayMatch("anything"));
    }
}
