using Grapevine.Core.Catalogue;

namespace Grapevine.Core.Vetting;

/// <summary>The public address of a post on its platform, for links from a report.</summary>
public static class PostLinks
{
    public static string For(Platform platform, string handle, string postId)
    {
        var id = Uri.EscapeDataString(postId);
        var user = Uri.EscapeDataString(handle);
        return platform switch
        {
            Platform.Instagram => $"https://www.instagram.com/p/{id}/",
            Platform.TikTok => $"https://www.tiktok.com/@{user}/video/{id}",
            Platform.YouTube => $"https://www.youtube.com/watch?v={id}",
            Platform.X => $"https://x.com/{user}/status/{id}",
            Platform.Facebook => $"https://www.facebook.com/{user}/posts/{id}",
            Platform.Twitch => $"https://www.twitch.tv/videos/{id.TrimStart('v')}",
            Platform.Pinterest => $"https://www.pinterest.com/pin/{id}/",
            _ => throw new ArgumentOutOfRangeException(nameof(platform)),
        };
    }
}
