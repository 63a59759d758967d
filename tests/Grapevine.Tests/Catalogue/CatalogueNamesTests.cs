using Grapevine.Core.Catalogue;

namespace Grapevine.Tests.Catalogue;

public class CatalogueNamesTests
{
    [Theory]
    [InlineData("instagram", Platform.Instagram)]
    [InlineData(" TikTok ", Platform.TikTok)]
    [InlineData("YOUTUBE", Platform.YouTube)]
    [InlineData("x", Platform.X)]
    public void Platform_names_parse_without_case(string text, Platform expected)
    {
        Assert.True(CatalogueNames.TryParsePlatform(text, out var platform));
        Assert.Equal(expected, platform);
        Assert.Equal(text.Trim().ToLowerInvariant(), platform.Name());
    }

    [Theory]
    [InlineData("myspace")]
    [InlineData("")]
    public void Unknown_platforms_are_refused(string text) => Assert.False(CatalogueNames.TryParsePlatform(text, out _));

    [Fact]
    public void Stories_are_not_feed_posts()
    {
        Assert.False(PostType.Story.IsFeed());
        Assert.True(PostType.Photo.IsFeed());
        Assert.True(PostType.Reel.IsFeed());
    }

    [Fact]
    public void Handles_lose_their_at_sign_and_case() => Assert.Equal("anna.bakes", CatalogueNames.NormalizeHandle(" @Anna.Bakes "));
}
