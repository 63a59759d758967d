using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Discovery.Pricing;

/// <summary>Something a creator can be paid to publish on one platform.</summary>
public sealed record Deliverable(string Name, Platform Platform, string Label);

/// <summary>
/// The deliverables Grapevine prices and rate cards name, and each platform's default one (what "the price" of an
/// account means in search filters and fit).
/// </summary>
public static class Deliverables
{
    public const string InstagramPost = "instagram_post";
    public const string InstagramReel = "instagram_reel";
    public const string InstagramStory = "instagram_story";
    public const string TikTokVideo = "tiktok_video";
    public const string YouTubeVideo = "youtube_video";
    public const string YouTubeShort = "youtube_short";
    public const string XPost = "x_post";
    public const string FacebookPost = "facebook_post";
    public const string TwitchStream = "twitch_stream";
    public const string PinterestPin = "pinterest_pin";

    public static readonly IReadOnlyList<Deliverable> All =
    [
        new(InstagramPost, Platform.Instagram, "Instagram feed post"),
        new(InstagramReel, Platform.Instagram, "Instagram reel"),
        new(InstagramStory, Platform.Instagram, "Instagram story"),
        new(TikTokVideo, Platform.TikTok, "TikTok video"),
        new(YouTubeVideo, Platform.YouTube, "YouTube video"),
        new(YouTubeShort, Platform.YouTube, "YouTube short"),
        new(XPost, Platform.X, "X post"),
        new(FacebookPost, Platform.Facebook, "Facebook post"),
        new(TwitchStream, Platform.Twitch, "Twitch stream"),
        new(PinterestPin, Platform.Pinterest, "Pinterest pin"),
    ];

    /// <summary>The deliverable an account's price refers to when none is named: the platform's standard post.</summary>
    public static string DefaultFor(Platform platform) => platform switch
    {
        Platform.Instagram => InstagramPost,
        Platform.TikTok => TikTokVideo,
        Platform.YouTube => YouTubeVideo,
        Platform.X => XPost,
        Platform.Facebook => FacebookPost,
        Platform.Twitch => TwitchStream,
        Platform.Pinterest => PinterestPin,
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "unknown platform"),
    };

    public static IEnumerable<Deliverable> For(Platform platform) => All.Where(d => d.Platform == platform);

    /// <summary>The deliverable of that name (lower case, as stored), or null.</summary>
    public static Deliverable? Find(string? name) => All.FirstOrDefault(d => d.Name == name);
}
