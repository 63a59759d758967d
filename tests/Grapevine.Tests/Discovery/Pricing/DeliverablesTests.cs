using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Tests.Discovery.Pricing;

public sealed class DeliverablesTests
{
    [Theory]
    [InlineData(Platform.Instagram, "instagram_post")]
    [InlineData(Platform.TikTok, "tiktok_video")]
    [InlineData(Platform.YouTube, "youtube_video")]
    [InlineData(Platform.X, "x_post")]
    [InlineData(Platform.Facebook, "facebook_post")]
    [InlineData(Platform.Twitch, "twitch_stream")]
    [InlineData(Platform.Pinterest, "pinterest_pin")]
    public void Each_platform_has_a_default_deliverable_of_its_own(Platform platform, string name)
    {
        Assert.Equal(name, Deliverables.DefaultFor(platform));
        Assert.Equal(platform, Deliverables.Find(name)!.Platform);
        Assert.Contains(Deliverables.For(platform), d => d.Name == name);
    }

    [Fact]
    public void Every_deliverable_has_a_price_factor_and_names_are_unique()
    {
        Assert.Equal(10, Deliverables.All.Count);
        Assert.Equal(Deliverables.All.Count, Deliverables.All.Select(d => d.Name).Distinct().Count());
        Assert.All(Deliverables.All, d => Assert.True(PricingTable.Default.Deliverables[d.Name].Factor > 0));
        Assert.Equal(["instagram_post", "instagram_reel", "instagram_story"], Deliverables.For(Platform.Instagram).Select(d => d.Name));
        Assert.Null(Deliverables.Find("Instagram_Post"));
    }
}
