using Grapevine.Core.Catalogue;
using Grapevine.Core.Discovery.Pricing;

namespace Grapevine.Core.Campaigns.Forecasts;

/// <summary>
/// Which past posts a deliverable is forecast from: the post types that are the same thing, and, when an account has
/// none of those, the closest ones (any feed post for a feed deliverable). Stories are only ever forecast from stories.
/// </summary>
public static class ComparablePosts
{
    public static IReadOnlyList<PostType> Same(string deliverable) => deliverable switch
    {
        Deliverables.InstagramPost => [PostType.Photo, PostType.Carousel],
        Deliverables.InstagramReel => [PostType.Reel],
        Deliverables.InstagramStory => [PostType.Story],
        Deliverables.TikTokVideo => [PostType.Video, PostType.Carousel],
        Deliverables.YouTubeVideo => [PostType.Video],
        Deliverables.YouTubeShort => [PostType.Short],
        Deliverables.TwitchStream => [PostType.Live],
        Deliverables.XPost or Deliverables.FacebookPost or Deliverables.PinterestPin => FeedTypes,
        _ => throw new ArgumentException($"unknown deliverable '{deliverable}'", nameof(deliverable)),
    };

    /// <summary>The fallback when an account has no post of the same type: any feed post, none for stories.</summary>
    public static IReadOnlyList<PostType> Closest(string deliverable) => deliverable == Deliverables.InstagramStory ? [] : FeedTypes;

    /// <summary>The deliverable a past post of this type on this platform stands for (used to check forecasts against posts).</summary>
    public static string DeliverableOf(Platform platform, PostType type) => (platform, type) switch
    {
        (Platform.Instagram, PostType.Story) => Deliverables.InstagramStory,
        (Platform.Instagram, PostType.Reel) => Deliverables.InstagramReel,
        (Platform.YouTube, PostType.Short) => Deliverables.YouTubeShort,
        _ => Deliverables.DefaultFor(platform),
    };

    private static readonly PostType[] FeedTypes = [.. Enum.GetValues<PostType>().Where(t => t.IsFeed())];
}
